namespace TrustLedger.CertService.Lifecycle;

/// <summary>A status change request: a reason code (1–999) and, optionally, when it takes effect (default now; never more than 5 minutes back).</summary>
public sealed record StatusChangeRequest(ushort? Reason, DateTimeOffset? EffectiveAt);

/// <summary>
/// A status change and where it stands: <c>pending</c>, <c>anchored</c> (with the transaction, and
/// the effective time the chain recorded: later than the requested one when an outage outlasted the
/// chain's back-dating window), <c>refused</c> by the chain or <c>failed</c>, each with its reason.
/// </summary>
public sealed record StatusChangeView(
    Guid Id, Guid CertificateId, string Status, ushort Reason, DateTimeOffset EffectiveAt, string State, string? TransactionHash, long? BlockNumber,
    DateTimeOffset? RecordedEffectiveAt = null, string? FailureReason = null);

/// <summary>
/// One line of a certificate's history: issued, anchored, or a status change, with the chain facts
/// that back it; for a change, the effective time recorded on chain and, if it did not reach the
/// chain, why.
/// </summary>
public sealed record HistoryEvent(
    string Event, DateTimeOffset At, ushort? Reason, string State, string? TransactionHash, long? BlockNumber,
    Guid? ChangeId = null, DateTimeOffset? RecordedAt = null, string? FailureReason = null);

public sealed record CertificateHistoryView(Guid Id, string Identifier, string IssuerCode, string Lifecycle, IReadOnlyList<HistoryEvent> Events);
