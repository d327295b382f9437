using System.Security.Cryptography;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using TrustLedger.CertService.Types;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Benchmarks;

/// <summary>RFC 8785 canonicalisation of a typical certificate (the shipped business-licence sample).</summary>
public class CanonicalBenchmarks
{
    private JsonElement _certificate;

    [GlobalSetup]
    public void Setup() => _certificate = ShippedTypes.Samples()["11100000000013338W001"];

    [Benchmark]
    public byte[] CanonicaliseCertificate() => JsonCanonicalizer.Canonicalize(_certificate);
}

/// <summary>
/// The Merkle tree of a batch: build it and every inclusion proof, against the reference of hashing
/// the same leaves once with SM3 (the ratio the targets are stated in); and one proof's verification.
/// </summary>
public class MerkleBenchmarks
{
    private static readonly MerkleHasher Hasher = new(Sm3HashFunction.Instance);
    private List<byte[]> _leaves = [];
    private MerkleTree _tree = null!;
    private InclusionProof _proof = null!;

    [Params(1_000, 10_000, 100_000)]
    public int Leaves { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _leaves = Enumerable.Range(0, Leaves).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        _tree = MerkleTree.Build(Hasher, _leaves);
        _proof = _tree.ProveInclusion(Leaves / 3);
    }

    [Benchmark(Baseline = true)]
    public void HashLeavesOnce()
    {
        var digest = new byte[32];
        foreach (var leaf in _leaves)
        {
            Sm3HashFunction.Instance.Hash(leaf, digest);
        }
    }

    [Benchmark]
    public int BuildTreeAndEveryProof()
    {
        var tree = MerkleTree.Build(Hasher, _leaves);
        var total = 0;
        for (var i = 0; i < Leaves; i++)
        {
            total += tree.ProveInclusion(i).Path.Count;
        }

        return total;
    }

    [Benchmark]
    public bool VerifyOneProof() => InclusionProofVerifier.Verify(Hasher, _leaves[Leaves / 3], _proof, _tree.Root);
}
