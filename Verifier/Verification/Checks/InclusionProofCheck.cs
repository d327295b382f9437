using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>Passes when the RFC 9162 inclusion proof leads from the leaf hash to the bundle's root.</summary>
public sealed class InclusionProofCheck : IBundleCheck
{
    public const string CheckName = "inclusion-proof";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [];

    public Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        var proof = evidence.Proof;
        var result = InclusionProofVerifier.Verify(evidence.Hasher, evidence.ClaimedLeafHash, proof, evidence.Root)
            ? CheckResult.Pass(Name, $"leaf {proof.LeafIndex} of {proof.TreeSize} leads to root {evidence.Bundle.Proof.Root} in {proof.Path.Count} steps")
            : CheckResult.Fail(Name, $"the proof for leaf {proof.LeafIndex} of {proof.TreeSize} does not lead to root {evidence.Bundle.Proof.Root}");
        return Task.FromResult(result);
    }
}
