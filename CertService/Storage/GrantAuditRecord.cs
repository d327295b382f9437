namespace TrustLedger.CertService.Storage;

/// <summary>Who granted or revoked which type for which department, and the chain transaction that did it.</summary>
public sealed class GrantAuditRecord
{
    public Guid Id { get; set; }

    public required string DepartmentCode { get; set; }

    public required string TypeCode { get; set; }

    /// <summary><c>grant</c> or <c>revoke</c>.</summary>
    public required string Action { get; set; }

    public required string By { get; set; }

    public DateTimeOffset At { get; set; }

    public required string TransactionHash { get; set; }

    public long BlockNumber { get; set; }
}
