using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification.Checks;

/// <summary>
/// Passes when the seal the anchored certificate names is registered in SealRegistry, belongs to
/// the department that anchored the certificate, and its registered public-key hash is that of the
/// key that signed the PDF; and when the signed GB/T 38540 fields name the same seal and digest.
/// </summary>
public sealed class SealRegistrationCheck(SealRegistryClient registry) : IDocumentCheck
{
    public const string CheckName = "seal-registration";

    public string Name => CheckName;

    public IReadOnlyList<string> DependsOn => [IntegrityCheck.CheckName, AnchorCheck.CheckName, DocumentSignatureCheck.CheckName];

    public async Task<CheckResult> RunAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var seal = evidence.Seal!;
        if (evidence.DocumentBinding is not { } binding || !binding.TryGetProperty("sealCode", out var code) || code.GetString() is not { Length: > 0 } sealCode)
        {
            return CheckResult.Fail(Name, "the anchored certificate names no seal: its document was issued unsealed");
        }

        if (seal.Ses is { } ses && (ses.ESealId != sealCode || !ses.DataHash.AsSpan().SequenceEqual(seal.MessageDigest)))
        {
            return CheckResult.Fail(Name, $"the signed seal fields ({ses}) do not match seal {sealCode} and the signed digest");
        }

        if (await registry.GetAsync(sealCode) is not { } registered)
        {
            return CheckResult.Fail(Name, $"seal {sealCode} is not registered in SealRegistry {registry.Address}");
        }

        if (!string.Equals(registered.Seal.Owner, evidence.Anchor!.Issuer, StringComparison.OrdinalIgnoreCase))
        {
            return CheckResult.Fail(Name, $"seal {sealCode} belongs to {registered.Seal.Owner}, not to {evidence.Anchor.Issuer}, which anchored the certificate");
        }

        return SealRegistryClient.PublicKeyHashOf(seal.PublicKey).AsSpan().SequenceEqual(registered.Seal.PublicKeyHash)
            ? CheckResult.Pass(Name, $"signed with the registered key of seal {sealCode} ({registered.Seal.Name}) of {registered.Seal.Owner}")
            : CheckResult.Fail(Name, $"the PDF was signed with a key that is not the registered key of seal {sealCode}");
    }
}
