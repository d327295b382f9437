using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when, at the block the root was anchored, the anchoring department was active in the
/// IssuerRegistry and held the certificate's type: it was entitled to issue this certificate then,
/// whatever has changed since.
/// </summary>
public sealed class IssuerAuthorisationCheck(ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "issuer-authorisation";

    public string Name => CheckName;

    // After integrity too: the type code it asks the chain (and caches) about is then the anchored certificate's, not any string a caller makes up.
    public IReadOnlyList<string> DependsOn => [IntegrityCheck.CheckName, AnchorCheck.CheckName];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        var anchor = evidence.Anchor!;
        var typeCode = evidence.CertificateString("typeCode");
        if (string.IsNullOrEmpty(typeCode))
        {
            return CheckResult.Fail(Name, "the certificate has no typeCode");
        }

        return await chain.WasAuthorisedAtAsync(anchor.Issuer, typeCode, anchor.BlockNumber)
            ? CheckResult.Pass(Name, $"{anchor.Issuer} held type {typeCode} at block {anchor.BlockNumber}")
            : CheckResult.Fail(Name, $"{anchor.Issuer} did not hold type {typeCode} at block {anchor.BlockNumber}");
    }
}
