using System.Globalization;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the root is anchored on the trusted CertificateAnchor contract with the same hash
/// algorithm and the same leaf count as the proof's tree size (a path alone does not bind the size).
/// Records who anchored it, in which block and when, for the checks after it.
/// </summary>
public sealed class AnchorCheck(CertificateAnchorClient anchors, ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "anchor";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        var anchor = await chain.AnchorAsync(evidence.Root);
        if (anchor is null)
        {
            return CheckResult.Fail(Name, $"root {evidence.Bundle.Proof.Root} is not anchored on {anchors.Address}");
        }

        if (anchor.HashAlgorithm != (byte)evidence.Hash.Id)
        {
            return CheckResult.Fail(Name, $"the root was anchored as hash algorithm {anchor.HashAlgorithm}, the bundle says {evidence.Hash.Name}");
        }

        if (anchor.LeafCount != evidence.Proof.TreeSize)
        {
            return CheckResult.Fail(Name, $"the anchored tree has {anchor.LeafCount} leaves, the proof claims {evidence.Proof.TreeSize}");
        }

        evidence.Anchor = anchor;
        var time = DateTimeOffset.FromUnixTimeSeconds((long)anchor.Timestamp).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        return CheckResult.Pass(Name, $"root anchored by {anchor.Issuer} in block {anchor.BlockNumber} at {time} ({anchor.LeafCount} leaves)");
    }
}
