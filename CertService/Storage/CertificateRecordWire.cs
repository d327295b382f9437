using System.Text.Json;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// How a stored certificate appears on the wire, shared by every feature that hands one out (the
/// department's API, holder sharing, agencies, the Verifier's lookup, the listing, the data trail).
/// </summary>
public static class CertificateRecordWire
{
    /// <summary>The v1 bundle of an anchored certificate, given its decrypted canonical JSON and the trusted deployment.</summary>
    public static CertificateBundle ToBundle(this CertificateRecord record, string canonicalJson, DeploymentRecord deployment)
    {
        var batch = record.Batch!;
        return new CertificateBundle(
            CertificateBundle.FormatV1,
            JsonDocument.Parse(canonicalJson).RootElement.Clone(),
            Convert.ToHexStringLower(record.Salt),
            record.HashAlgorithm,
            Convert.ToHexStringLower(record.LeafHash!),
            new BundleProof(record.LeafIndex!.Value, batch.LeafCount, SplitPath(record.ProofPath), Convert.ToHexStringLower(batch.Root)),
            new BundleAnchor(deployment.ChainId, deployment.CertificateAnchor, deployment.IssuerRegistry, batch.TransactionHash!, (ulong)batch.BlockNumber!.Value));
    }

    /// <summary>A stored Merkle path (digests end to end) as the hex strings a proof carries.</summary>
    public static List<string> SplitPath(byte[]? path) =>
        path is null ? [] : path.Chunk(HashFunctions.DigestSize).Select(Convert.ToHexStringLower).ToList();

    /// <summary>The anchoring state's name in API answers.</summary>
    public static string WireName(this CertificateStatus status) => status switch
    {
        CertificateStatus.Pending => "pending",
        CertificateStatus.Anchored => "anchored",
        CertificateStatus.Failed => "failed",
        _ => "refused",
    };
}
