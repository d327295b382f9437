namespace TrustLedger.CertService.Lifecycle;

/// <summary>A status change request: a reason code (1–999) and, optionally, when it takes effect (default now; never more than 5 minutes back).</summary>
public sealed record StatusChangeRequest(ushort? Reason, DateTimeOffset? EffectiveAt);

public sealed record StatusChangeView(Guid Id, Guid CertificateId, string Status, ushort Reason, DateTimeOffset EffectiveAt, string State, string? TransactionHash, long? BlockNumber);

/// <summary>One line of a certificate's history: issued, anchored, or a status change, with the chain facts that back it.</summary>
public sealed record HistoryEvent(string Event, DateTimeOffset At, ushort? Reason, string State, string? TransactionHash, long? BlockNumber);

public sealed record CertificateHistoryView(Guid Id, string Identifier, string IssuerCode, string Lifecycle, IReadOnlyList<HistoryEvent> Events);
