namespace TrustLedger.CertService.Storage;

/// <summary>A department's API key, stored only as its SHA-256 hash; shown once at creation.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public required string DepartmentCode { get; set; }

    /// <summary>Lowercase hex SHA-256 of the key.</summary>
    public required string KeyHash { get; set; }

    /// <summary>The key's first characters, so people can tell their keys apart.</summary>
    public required string Prefix { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
