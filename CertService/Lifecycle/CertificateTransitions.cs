using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Lifecycle;

/// <summary>
/// The lifecycle rules, the same as CertificateStatusRegistry enforces on chain: suspend an active
/// certificate, reinstate a suspended one, revoke or supersede either; revoked and superseded are final.
/// </summary>
/// <remarks>
/// A certificate's changes take effect in the order of their effective times. A change may not
/// precede one already in effect or on chain (the chain keeps effective times in order), but it
/// may precede one scheduled for later: a future-dated change never blocks a more urgent one.
/// Scheduled changes it makes impossible (a suspension planned for next month, after a revocation
/// today) are closed as failed, with the reason, never silently dropped.
/// </remarks>
public static class CertificateTransitions
{
    public static bool Allowed(CertificateLifecycle from, CertificateLifecycle to) => from switch
    {
        CertificateLifecycle.Active => to is CertificateLifecycle.Suspended or CertificateLifecycle.Revoked or CertificateLifecycle.Superseded,
        CertificateLifecycle.Suspended => to is CertificateLifecycle.Active or CertificateLifecycle.Revoked or CertificateLifecycle.Superseded,
        _ => false,
    };

    public static string Name(CertificateLifecycle status) => status.ToString().ToLowerInvariant();

    /// <summary>What a change to <paramref name="status"/> is called in a history: a return to active is a reinstatement.</summary>
    public static string EventName(CertificateLifecycle status) => status == CertificateLifecycle.Active ? "reinstated" : Name(status);

    /// <summary>The changes that count (pending or anchored), in the order they take effect.</summary>
    public static List<StatusChangeRecord> InEffectOrder(IEnumerable<StatusChangeRecord> changes) =>
        changes.Where(c => c.State is StatusChangeStates.Pending or StatusChangeStates.Anchored)
            .OrderBy(c => c.EffectiveAt).ThenBy(c => c.RequestedAt).ThenBy(c => c.Id).ToList();

    /// <summary>The status after the given changes (in effect order), starting from active.</summary>
    public static CertificateLifecycle StatusAfter(IEnumerable<StatusChangeRecord> ordered) =>
        ordered.Aggregate(CertificateLifecycle.Active, (status, change) => Allowed(status, change.Status) ? change.Status : status);

    /// <summary>
    /// Requests a change: checks it against the certificate's other changes, queues it for the chain,
    /// closes scheduled changes it overtakes and moves the certificate's mirrored status (the status
    /// after every change requested). The caller commits.
    /// </summary>
    public static async Task<ChangeRequestOutcome> RequestAsync(
        CertificateStore store, CertificateRecord certificate, CertificateLifecycle to, ushort reason, DateTimeOffset effectiveAt, string by, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(certificate);
        // The chain keeps whole seconds; so does the record, so the two compare exactly.
        var effective = DateTimeOffset.FromUnixTimeSeconds(effectiveAt.ToUnixTimeSeconds());
        var existing = InEffectOrder(await store.StatusChanges.Where(c => c.CertificateId == certificate.Id).ToListAsync(cancellationToken));
        var fixedUntil = existing.Where(c => c.State == StatusChangeStates.Anchored || c.EffectiveAt <= now).Select(c => (DateTimeOffset?)c.EffectiveAt).Max();
        if (fixedUntil is { } previous && effective < previous)
        {
            return ChangeRequestOutcome.TooEarly(previous);
        }

        var from = StatusAfter(existing.Where(c => c.EffectiveAt <= effective));
        if (!Allowed(from, to))
        {
            return ChangeRequestOutcome.NotAllowed(from);
        }

        var change = new StatusChangeRecord
        {
            Id = Guid.CreateVersion7(now),
            CertificateId = certificate.Id,
            IssuerCode = certificate.IssuerCode,
            Status = to,
            Reason = reason,
            EffectiveAt = effective,
            RequestedAt = now,
            RequestedBy = by,
            State = StatusChangeStates.Pending,
        };
        store.StatusChanges.Add(change);

        var status = to;
        foreach (var later in existing.Where(c => c.EffectiveAt > effective))
        {
            if (Allowed(status, later.Status))
            {
                status = later.Status;
                continue;
            }

            later.State = StatusChangeStates.Failed;
            later.RefusalReason = $"overtaken: {EventName(to)} effective {effective:yyyy-MM-dd'T'HH:mm:ss'Z'} (change {change.Id}) made it impossible";
        }

        certificate.Lifecycle = status;
        return ChangeRequestOutcome.Accepted(change);
    }

    /// <summary>Sets each certificate's mirrored status again from its changes that still count (after a refusal or a closure).</summary>
    public static async Task RebuildMirrorsAsync(CertificateStore store, IReadOnlyCollection<Guid> certificateIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(certificateIds);
        foreach (var id in certificateIds)
        {
            var status = StatusAfter(InEffectOrder(await store.StatusChanges.AsNoTracking().Where(c => c.CertificateId == id).ToListAsync(cancellationToken)));
            await store.Certificates.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Lifecycle, status), cancellationToken);
        }
    }
}

/// <summary>A change queued, or why it cannot be.</summary>
public sealed class ChangeRequestOutcome
{
    private ChangeRequestOutcome(StatusChangeRecord? change, DateTimeOffset? notBefore, CertificateLifecycle? from)
    {
        Change = change;
        NotBefore = notBefore;
        From = from;
    }

    /// <summary>The queued change; null when refused.</summary>
    public StatusChangeRecord? Change { get; }

    /// <summary>Refused: the change would precede one in effect or on chain, effective at this time.</summary>
    public DateTimeOffset? NotBefore { get; }

    /// <summary>Refused: the status at the change's effective time does not allow it.</summary>
    public CertificateLifecycle? From { get; }

    public static ChangeRequestOutcome Accepted(StatusChangeRecord change) => new(change, null, null);

    public static ChangeRequestOutcome TooEarly(DateTimeOffset notBefore) => new(null, notBefore, null);

    public static ChangeRequestOutcome NotAllowed(CertificateLifecycle from) => new(null, null, from);
}

public static class StatusChangeStates
{
    public const string Pending = "pending";
    public const string Anchored = "anchored";
    public const string Refused = "refused";
    public const string Failed = "failed";
}
