using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Lifecycle;

/// <summary>
/// A step of each anchoring round: the pending status changes of anchored certificates go to
/// CertificateStatusRegistry, one transaction per department for up to <see cref="MaxChanges"/>
/// changes, sent by that department's own account. A change found already on chain (sent before a
/// crash) is recorded from the chain, not sent twice. If the chain refuses a transaction, its
/// changes are marked refused and the certificates' mirrored status is rebuilt from the rest.
/// </summary>
public sealed class StatusChangeSubmitter(CertificateStore store, CertificateStatusClient registry, DepartmentSenders senders)
{
    public const int MaxChanges = 200;

    public async Task SubmitWaitingAsync(CancellationToken cancellationToken)
    {
        var pending = await store.StatusChanges
            .Where(c => c.State == StatusChangeStates.Pending)
            .OrderBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return;
        }

        var ids = pending.Select(c => c.CertificateId).Distinct().ToList();
        var certificates = await store.Certificates.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var ready = pending.Where(c => certificates[c.CertificateId].Status == CertificateStatus.Anchored);
        foreach (var group in ready.GroupBy(c => c.IssuerCode, StringComparer.Ordinal))
        {
            foreach (var chunk in group.Chunk(MaxChanges))
            {
                await SubmitAsync(group.Key, chunk, certificates, cancellationToken);
            }
        }
    }

    private async Task SubmitAsync(string issuerCode, StatusChangeRecord[] changes, Dictionary<Guid, CertificateRecord> certificates, CancellationToken cancellationToken)
    {
        var toSend = new List<(StatusChangeRecord Change, LifecycleChangeRequest Request)>();
        foreach (var change in changes)
        {
            var certificate = certificates[change.CertificateId];
            var key = CertificateStatusKey.Of(certificate.Salt, certificate.Identifier);
            var onChain = (await registry.GetHistoryAsync(key)).Changes.FirstOrDefault(h => h.Status == change.Status && h.EffectiveAt == change.EffectiveAt);
            if (onChain is not null)
            {
                change.State = StatusChangeStates.Anchored;
                change.BlockNumber = (long)onChain.BlockNumber;
                continue;
            }

            toSend.Add((change, new LifecycleChangeRequest(key, change.Status, change.Reason, change.EffectiveAt)));
        }

        if (toSend.Count > 0)
        {
            var department = await DepartmentDirectory.FindAsync(store, issuerCode, cancellationToken)
                ?? throw new InvalidOperationException($"status changes belong to unconfigured department {issuerCode}");
            var outcome = await registry.RecordAsync(await senders.ForAsync(department), toSend.Select(s => s.Request).ToList(), cancellationToken);
            foreach (var (change, _) in toSend)
            {
                change.State = outcome.Succeeded ? StatusChangeStates.Anchored : StatusChangeStates.Refused;
                change.TransactionHash = outcome.TransactionHash;
                change.BlockNumber = outcome.BlockNumber is { } block ? (long)block : null;
                change.RefusalReason = outcome.Revert?.Description;
            }

            if (!outcome.Succeeded)
            {
                await store.SaveChangesAsync(cancellationToken);
                await RebuildMirrorsAsync(toSend.Select(s => s.Change.CertificateId).Distinct().ToList(), cancellationToken);
            }
        }

        await store.SaveChangesAsync(cancellationToken);
    }

    // After a refusal, a certificate's status is that of its last change not refused (active if none).
    private async Task RebuildMirrorsAsync(List<Guid> ids, CancellationToken cancellationToken)
    {
        foreach (var id in ids)
        {
            var last = await store.StatusChanges.AsNoTracking()
                .Where(c => c.CertificateId == id && c.State != StatusChangeStates.Refused)
                .OrderByDescending(c => c.RequestedAt).ThenByDescending(c => c.Id)
                .Select(c => (CertificateLifecycle?)c.Status).FirstOrDefaultAsync(cancellationToken);
            await store.Certificates.Where(c => c.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.Lifecycle, last ?? CertificateLifecycle.Active), cancellationToken);
        }
    }
}
