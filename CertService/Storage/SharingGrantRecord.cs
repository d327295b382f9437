namespace TrustLedger.CertService.Storage;

/// <summary>A holder's authorisation (授权) for one agency to read one certificate, for a purpose, within a window.</summary>
public sealed class SharingGrantRecord
{
    public Guid Id { get; set; }

    public Guid CertificateId { get; set; }

    public required string AgencyCode { get; set; }

    public required string Purpose { get; set; }

    public DateTimeOffset NotBefore { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>True when the grant may be used at <paramref name="now"/>.</summary>
    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && now >= NotBefore && now < NotAfter;
}
