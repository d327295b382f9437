using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Lifecycle;

/// <summary>
/// The lifecycle rules, the same as CertificateStatusRegistry enforces on chain: suspend an active
/// certificate, reinstate a suspended one, revoke or supersede either; revoked and superseded are final.
/// </summary>
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

    /// <summary>Queues a change for the chain and moves the certificate's mirrored status; the caller commits.</summary>
    public static StatusChangeRecord Queue(CertificateStore store, CertificateRecord certificate, CertificateLifecycle to, ushort reason, DateTimeOffset effectiveAt, string by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(certificate);
        var change = new StatusChangeRecord
        {
            Id = Guid.CreateVersion7(now),
            CertificateId = certificate.Id,
            IssuerCode = certificate.IssuerCode,
            Status = to,
            Reason = reason,
            // The chain keeps whole seconds; so does the record, so the two compare exactly.
            EffectiveAt = DateTimeOffset.FromUnixTimeSeconds(effectiveAt.ToUnixTimeSeconds()),
            RequestedAt = now,
            RequestedBy = by,
            State = StatusChangeStates.Pending,
        };
        store.StatusChanges.Add(change);
        certificate.Lifecycle = to;
        return change;
    }
}

public static class StatusChangeStates
{
    public const string Pending = "pending";
    public const string Anchored = "anchored";
    public const string Refused = "refused";
}
