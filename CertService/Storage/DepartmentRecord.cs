namespace TrustLedger.CertService.Storage;

/// <summary>An issuing department: its credit code, name and chain account (whose key is in the keystore).</summary>
public sealed class DepartmentRecord
{
    public required string CreditCode { get; set; }

    public required string Name { get; set; }

    /// <summary>The department's anchoring account; its key lives encrypted in the keystore, never here.</summary>
    public required string Account { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
