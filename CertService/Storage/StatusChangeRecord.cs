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

    /// <summary>The effective time the issuer asked for.</summary>
    public DateTimeOffset EffectiveAt { get; set; }

    /// <summary>
    /// The effective time the chain recorded, once anchored: the requested one, or the recording
    /// block's time when the request lay outside the chain's back-dating window (an outage delayed it).
    /// </summary>
    public DateTimeOffset? RecordedEffectiveAt { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public required string RequestedBy { get; set; }

    /// <summary>
    /// <c>pending</c>, <c>anchored</c>, <c>refused</c> (the chain refused this change, the reason says
    /// why) or <c>failed</c> (it can never be sent: its certificate was never anchored, or a more
    /// urgent change overtook it; or it failed too often and waits for an administrator).
    /// </summary>
    public required string State { get; set; }

    public string? TransactionHash { get; set; }

    public long? BlockNumber { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>How many times the pipeline failed on this record in a row; reset when it succeeds.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>What went wrong the last time (for operators; no personal data).</summary>
    public string? LastFailure { get; set; }

    /// <summary>Not tried again before this time (backoff after a failure).</summary>
    public DateTimeOffset? RetryAfter { get; set; }
}
