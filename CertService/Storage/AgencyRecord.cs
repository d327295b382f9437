namespace TrustLedger.CertService.Storage;

/// <summary>
/// A relying agency (用证部门) that holders may share certificates with: its SM2 encryption public
/// key (the private key stays with the agency) and the hash of its API key.
/// </summary>
public sealed class AgencyRecord
{
    /// <summary>The agency's unified social credit code.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>SM2 public key, uncompressed (65 bytes): shared data keys are encrypted to it.</summary>
    public required byte[] EncryptionPublicKey { get; set; }

    /// <summary>Lowercase hex SHA-256 of the agency's API key; the key itself is shown once.</summary>
    public required string ApiKeyHash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
