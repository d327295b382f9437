using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Issuance;

/// <summary>A certificate ready to store, or every reason it cannot be issued.</summary>
public sealed record IssuanceOutcome(CertificateRecord? Certificate, IReadOnlyList<FieldError> Errors)
{
    public bool Succeeded => Certificate is not null;
}
