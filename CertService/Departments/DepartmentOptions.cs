namespace TrustLedger.CertService.Departments;

/// <summary>
/// An issuing department known to this CertService instance. Bound from <c>Departments:N</c>.
/// The API key is stored only as its SHA-256 hash.
/// </summary>
public sealed class DepartmentOptions
{
    public const string Section = "Departments";

    /// <summary>Unified social credit code (GB 32100), the issuer code printed in its certificates.</summary>
    public string CreditCode { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>Lowercase hex SHA-256 of the department's API key.</summary>
    public string ApiKeySha256 { get; set; } = "";

    /// <summary>
    /// The department's chain signing key (hex). Development configuration only: production keeps
    /// keys in an encrypted keystore or behind Web3Signer (see docs/operations.md).
    /// </summary>
    public string SigningKey { get; set; } = "";
}
