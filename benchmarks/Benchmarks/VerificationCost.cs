using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Benchmarks;

/// <summary>
/// The crypto one bundle verification does, measured on one thread over a real bundle: the leaf
/// (JCS + SM3), the inclusion proof (⌈log2 N⌉ SM3 nodes) and, for a data-only certificate, the data
/// seal (JCS + SM2 verify). The load run sets the Verifier's throughput beside cores / this cost: the
/// bound no verifier could beat without doing less crypto.
/// </summary>
public static class VerificationCost
{
    public static void Measure(string bundlePath)
    {
        var bundle = JsonSerializer.Deserialize<CertificateBundle>(File.ReadAllText(bundlePath), JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("not a bundle");
        var hasher = new MerkleHasher(HashFunctions.ByName(bundle.HashAlgorithm));
        var salt = Convert.FromHexString(bundle.Salt);
        var proof = new InclusionProof(bundle.Proof.LeafIndex, bundle.Proof.TreeSize, bundle.Proof.Path.Select(Convert.FromHexString).ToList());
        var root = Convert.FromHexString(bundle.Proof.Root);
        var seal = bundle.Certificate.TryGetProperty(DataSeal.Member, out var member) && DataSeal.TryRead(member, out var read, out _) ? read : null;

        var leafUs = Time(() => CertificateLeaf.Hash(hasher, salt, bundle.Certificate));
        var leaf = CertificateLeaf.Hash(hasher, salt, bundle.Certificate);
        var proofUs = Time(() => InclusionProofVerifier.Verify(hasher, leaf, proof, root) ? 1 : throw new InvalidOperationException("the proof does not verify"));
        var sealUs = seal is null ? 0 : Time(() => seal.Verifies(bundle.Certificate) ? 1 : throw new InvalidOperationException("the data seal does not verify"));
        var total = leafUs + proofUs + sealUs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"crypto_us={total:0.0}"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"parts=leaf (JCS+SM3) {leafUs:0.0} µs + proof ({proof.Path.Count} SM3 nodes) {proofUs:0.0} µs + data seal (JCS+SM2 verify) {sealUs:0.0} µs"));
    }

    // Mean microseconds per call over about two seconds, after a warm-up.
    private static double Time<T>(Func<T> work)
    {
        for (var i = 0; i < 200; i++)
        {
            work();
        }

        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.ElapsedMilliseconds < 2000)
        {
            work();
            calls++;
        }

        return watch.Elapsed.TotalMicroseconds / calls;
    }
}
