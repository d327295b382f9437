using TrustLedger.Ledger.Bundles;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when H(0x00 || salt || JCS(certificate)) equals the bundle's leaf hash: not one byte of
/// the certificate or the salt differs from what was hashed at issuance.
/// </summary>
public sealed class IntegrityCheck : IBundleCheck
{
    public const string CheckName = "integrity";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [];

    public Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        var salt = Convert.FromHexString(evidence.Bundle.Salt);
        var computed = CertificateLeaf.Hash(evidence.Hasher, salt, evidence.Bundle.Certificate);
        var result = computed.AsSpan().SequenceEqual(evidence.ClaimedLeafHash)
            ? CheckResult.Pass(Name, $"{evidence.Hash.Name} leaf hash recomputed from the canonical certificate and salt: {Convert.ToHexStringLower(computed)}")
            : CheckResult.Fail(Name, $"the certificate or salt was altered: recomputed leaf {Convert.ToHexStringLower(computed)} differs from {evidence.Bundle.LeafHash}");
        return Task.FromResult(result);
    }
}
