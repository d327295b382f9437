using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the seal the anchored certificate names is registered in SealRegistry, belongs to
/// the department that anchored the certificate, and its registered public-key hash is that of the
/// key that signed the PDF (or, for a data-only certificate, the data); and, for a PDF, when the
/// signed GB/T 38540 fields name the same seal and digest.
/// </summary>
public sealed class SealRegistrationCheck(SealRegistryClient registry, ChainFactsCache chain) : IBundleCheck
{
    public const string CheckName = "seal-registration";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [IntegrityCheck.CheckName, AnchorCheck.CheckName, DocumentSignatureCheck.CheckName, DataSealSignatureCheck.CheckName];

    public bool AppliesTo(BundleEvidence evidence) => evidence?.HasSealToCheck == true;

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var seal = evidence.Seal!;
        if (evidence.SealCode is not { Length: > 0 } sealCode)
        {
            return CheckResult.Fail(Name, "the anchored certificate names no seal: its document was issued unsealed");
        }

        if (seal.Ses is { } ses && (ses.ESealId != sealCode || !ses.DataHash.AsSpan().SequenceEqual(seal.MessageDigest)))
        {
            return CheckResult.Fail(Name, $"the signed seal fields ({ses}) do not match seal {sealCode} and the signed digest");
        }

        if (await chain.SealAsync(sealCode) is not { } registered)
        {
            return CheckResult.Fail(Name, $"seal {sealCode} is not registered in SealRegistry {registry.Address}");
        }

        if (!string.Equals(registered.Owner, evidence.Anchor!.Issuer, StringComparison.OrdinalIgnoreCase))
        {
            return CheckResult.Fail(Name, $"seal {sealCode} belongs to {registered.Owner}, not to {evidence.Anchor.Issuer}, which anchored the certificate");
        }

        return SealRegistryClient.PublicKeyHashOf(seal.PublicKey).AsSpan().SequenceEqual(registered.PublicKeyHash)
            ? CheckResult.Pass(Name, $"signed with the registered key of seal {sealCode} ({registered.Name}) of {registered.Owner}")
            : CheckResult.Fail(Name, $"the {(evidence.Document is null ? "data was" : "PDF was")} signed with a key that is not the registered key of seal {sealCode}");
    }
}
