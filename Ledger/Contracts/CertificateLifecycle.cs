namespace TrustLedger.Ledger.Contracts;

/// <summary>A certificate's lifecycle status as CertificateStatusRegistry records it.</summary>
public enum CertificateLifecycle : byte
{
    Active = 0,
    Suspended = 1,
    Revoked = 2,
    Superseded = 3,
}

/// <summary>
/// One recorded status change: what, why, from when, and the block that recorded it. The registry
/// keeps the effective time the issuer asked for beside the one it recorded: they differ when the
/// request was older than the back-dating window (an outage delayed it), and the change then took
/// effect at its block.
/// </summary>
public sealed record LifecycleChange(
    CertificateLifecycle Status, ushort Reason, DateTimeOffset EffectiveAt, ulong BlockNumber, DateTimeOffset RecordedAt, DateTimeOffset RequestedEffectiveAt, byte[] ChangeId)
{
    /// <summary>True when the registry could not keep the requested effective time and recorded the change at its block.</summary>
    public bool EffectiveLaterThanRequested => EffectiveAt > RequestedEffectiveAt;
}

/// <summary>A certificate's on-chain status history and the account that owns it (null before any change).</summary>
public sealed record LifecycleHistory(string? Issuer, IReadOnlyList<LifecycleChange> Changes)
{
    /// <summary>The status in effect at <paramref name="time"/>: the last change effective by then.</summary>
    public CertificateLifecycle StatusAt(DateTimeOffset time) =>
        Changes.LastOrDefault(c => c.EffectiveAt <= time)?.Status ?? CertificateLifecycle.Active;

    /// <summary>The change in effect at <paramref name="time"/>, if any.</summary>
    public LifecycleChange? ChangeAt(DateTimeOffset time) => Changes.LastOrDefault(c => c.EffectiveAt <= time);

    /// <summary>The recorded change with this id, if any.</summary>
    public LifecycleChange? Find(ReadOnlySpan<byte> changeId)
    {
        foreach (var change in Changes)
        {
            if (change.ChangeId.AsSpan().SequenceEqual(changeId))
            {
                return change;
            }
        }

        return null;
    }
}

/// <summary>
/// A status change to record: its id (see <see cref="Bundles.StatusChangeId"/>; the registry records
/// an id once), the certificate's status key, the new status, a reason code and the effective time.
/// </summary>
public sealed record LifecycleChangeRequest(byte[] ChangeId, byte[] Key, CertificateLifecycle Status, ushort Reason, DateTimeOffset EffectiveAt);

/// <summary>Where a status change was recorded: its id, the effective time the chain kept, the block and the transaction.</summary>
public sealed record RecordedStatusChange(byte[] ChangeId, DateTimeOffset EffectiveAt, ulong BlockNumber, string? TransactionHash);
