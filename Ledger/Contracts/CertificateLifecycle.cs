namespace TrustLedger.Ledger.Contracts;

/// <summary>A certificate's lifecycle status as CertificateStatusRegistry records it.</summary>
public enum CertificateLifecycle : byte
{
    Active = 0,
    Suspended = 1,
    Revoked = 2,
    Superseded = 3,
}

/// <summary>One recorded status change: what, why, from when, and the block that recorded it.</summary>
public sealed record LifecycleChange(CertificateLifecycle Status, ushort Reason, DateTimeOffset EffectiveAt, ulong BlockNumber, DateTimeOffset RecordedAt);

/// <summary>A certificate's on-chain status history and the account that owns it (null before any change).</summary>
public sealed record LifecycleHistory(string? Issuer, IReadOnlyList<LifecycleChange> Changes)
{
    /// <summary>The status in effect at <paramref name="time"/>: the last change effective by then.</summary>
    public CertificateLifecycle StatusAt(DateTimeOffset time) =>
        Changes.LastOrDefault(c => c.EffectiveAt <= time)?.Status ?? CertificateLifecycle.Active;

    /// <summary>The change in effect at <paramref name="time"/>, if any.</summary>
    public LifecycleChange? ChangeAt(DateTimeOffset time) => Changes.LastOrDefault(c => c.EffectiveAt <= time);
}

/// <summary>A status change to record: the certificate's status key, the new status, a reason code and the effective time.</summary>
public sealed record LifecycleChangeRequest(byte[] Key, CertificateLifecycle Status, ushort Reason, DateTimeOffset EffectiveAt);
