using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// A requested change of a certificate's lifecycle status and, once sent, the transaction that
/// recorded it in CertificateStatusRegistry (or why the chain refused it).
/// </summary>
public sealed class StatusChangeRecord
{
    public Guid Id { get; set; }

    public Guid CertificateId { get; set; }

    public required string IssuerCode { get; set; }

    public CertificateLifecycle Status { get; set; }

    /// <summary>The reason code (e.g. 1 data error, 2 holder request, 3 cancelled by law, 4 under investigation).</summary>
    public ushort Reason { get; set; }

    public DateTimeOffset EffectiveAt { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary><c>pending</c>, <c>anchored</c> or <c>refused</c>.</summary>
    public required string State { get; set; }

    public string? TransactionHash { get; set; }

    public long? BlockNumber { get; set; }

    public string? RefusalReason { get; set; }
}
