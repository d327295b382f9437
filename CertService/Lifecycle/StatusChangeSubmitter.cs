using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Lifecycle;

/// <summary>
/// The status-changes step: the due changes of anchored certificates go to CertificateStatusRegistry,
/// per department in its own account's transactions of up to <see cref="MaxChanges"/> changes,
/// in the order they take effect. Every change the API answered 202 reaches the chain or is reported
/// failed or refused with its reason; none is silently reversed.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Each change carries its own id; the registry records an id once, so a change sent twice (a
/// crash after mining, two instances) is recorded once, and is found again by that id.</item>
/// <item>When the chain would refuse a chunk, the first change it refuses is found by bisection
/// (gas estimates of ever shorter prefixes): the changes before it are sent; it alone is refused,
/// with its decoded reason, if the refusal is one the chain will repeat; a refusal that passes with
/// time (the department suspended, the sender not allowlisted) holds the department's changes back
/// until it passes; one nobody can explain is retried and after too many tries set aside.</item>
/// <item>A change scheduled for later is sent when it is due, so it never blocks a more urgent one;
/// the later changes of a certificate wait behind any of its changes that waits.</item>
/// <item>A change whose certificate will never be anchored (its batch refused) is closed as failed.</item>
/// <item>When the department's own account may no longer record (suspended or dissolved on chain),
/// its suspensions and revocations are recorded under its account by the governance
/// registrar (<c>recordChangesFor</c>), so a dissolved department's revocations still reach the
/// chain; a reinstatement or a supersession waits until the department is active again, and holds
/// back its certificate's later changes. Every such change was asked for while the department was
/// active: the API refuses changes from a department inactive on chain.</item>
/// </list>
/// </remarks>
public sealed class StatusChangeSubmitter(
    CertificateStore store,
    CertificateStatusClient registry,
    DepartmentSenders senders,
    LeasedDepartments leased,
    ChainRefusals refusals,
    GovernanceSender governance,
    PipelineHealth health,
    IOptions<AnchoringOptions> options,
    TimeProvider time,
    ILogger<StatusChangeSubmitter> logger) : IPipelineStep
{
    public const int MaxChanges = 100;
    private const string NotADepartment = "NotADepartment";

    public string Name => PipelineSteps.StatusChanges;

    public async Task<StepPass> RunAsync(CancellationToken cancellationToken)
    {
        var sent = 0;
        var waiting = 0;
        string? note = null;
        var failures = new List<Exception>();
        var departments = await leased.HeldAsync(cancellationToken);
        foreach (var department in departments)
        {
            try
            {
                var (done, left, blocked) = await SubmitAsync(department, cancellationToken);
                sent += done;
                waiting += left;
                note ??= blocked;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One department's trouble does not hold the others' changes back.
                store.ChangeTracker.Clear();
                failures.Add(ex);
            }
        }

        health.For(Name).Note = note;
        PipelineFailures.ThrowIfAny(failures, departments.Count);
        return new StepPass(sent, waiting);
    }

    /// <summary>Sends a department's due changes now (for tests: whatever this instance holds).</summary>
    public async Task<(int Sent, int Waiting, string? Blocked)> SubmitAsync(Department department, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(department);
        var now = time.GetUtcNow();
        var pending = await store.StatusChanges
            .Where(c => c.State == StatusChangeStates.Pending && c.IssuerCode == department.CreditCode)
            .OrderBy(c => c.EffectiveAt).ThenBy(c => c.RequestedAt).ThenBy(c => c.Id)
            .ToListAsync(cancellationToken);
        if (pending.Count == 0)
        {
            return (0, 0, null);
        }

        var ids = pending.Select(c => c.CertificateId).Distinct().ToList();
        var certificates = await store.Certificates.AsNoTracking().Include(c => c.Batch).Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        await CloseNeverAnchoredAsync(pending, certificates, cancellationToken);

        var ready = new List<Outgoing>();
        var heldBack = new HashSet<Guid>();
        foreach (var change in pending.Where(c => c.State == StatusChangeStates.Pending))
        {
            var certificate = certificates[change.CertificateId];
            if (heldBack.Contains(certificate.Id) || certificate.Status != CertificateStatus.Anchored || change.EffectiveAt > now || change.RetryAfter > now)
            {
                // Not due, or behind one of its certificate's changes that is not: it keeps its place.
                heldBack.Add(certificate.Id);
                continue;
            }

            ready.Add(new Outgoing(change, new LifecycleChangeRequest(
                StatusChangeId.Of(change.Id), CertificateStatusKey.Of(certificate.Salt, certificate.Identifier), change.Status, change.Reason, change.EffectiveAt)));
        }

        if (ready.Count == 0)
        {
            return (0, 0, null);
        }

        var own = OwnAccount(await senders.ForAsync(department));
        var sent = 0;
        // A certificate with a change set aside this pass joins heldBack: none of its later changes, in any chunk, may overtake it.
        foreach (var chunk in ready.Chunk(MaxChanges))
        {
            var (done, blocked) = await SendChunkAsync(department, own, [.. chunk.Where(o => !heldBack.Contains(o.Change.CertificateId))], heldBack, cancellationToken);
            sent += done;
            if (blocked is not null)
            {
                logger.StatusChangesWait(department.CreditCode, blocked);
                return (sent, ready.Count - sent, $"department {department.CreditCode}: {blocked}");
            }
        }

        return (sent, 0, null);
    }

    private async Task<(int Sent, string? Blocked)> SendChunkAsync(Department department, Channel channel, List<Outgoing> remaining, HashSet<Guid> heldBack, CancellationToken cancellationToken)
    {
        var sent = 0;
        // Each round either sends, refuses one change, or sets one aside: it ends.
        while (remaining.Count > 0)
        {
            var refusal = await channel.TryAsync(Requests(remaining));
            if (refusal is null)
            {
                var outcome = await channel.RecordAsync(Requests(remaining), cancellationToken);
                if (!outcome.Succeeded)
                {
                    // The state moved between estimate and mining, or the transaction was replaced: the next pass looks again.
                    return (sent, outcome.Revert!.Description);
                }

                await RecordAnchoredAsync(remaining, department.Account, outcome.TransactionHash!, cancellationToken);
                return (sent + remaining.Count, null);
            }

            if (await refusals.ClassifyAsync(refusal, department.Account) == RefusalKind.Transient)
            {
                if (refusal.ErrorName == NotADepartment && !channel.ViaRegistrar)
                {
                    var (more, blocked) = await SendThroughRegistrarAsync(department, remaining, heldBack, cancellationToken);
                    return (sent + more, blocked);
                }

                return (sent, refusal.Description);
            }

            var (passing, culprit, reason) = await FindFirstRefusedAsync(channel, remaining, refusal);
            if (passing > 0)
            {
                var prefix = remaining[..passing];
                var outcome = await channel.RecordAsync(Requests(prefix), cancellationToken);
                if (!outcome.Succeeded)
                {
                    return (sent, outcome.Revert!.Description);
                }

                await RecordAnchoredAsync(prefix, department.Account, outcome.TransactionHash!, cancellationToken);
                sent += passing;
            }

            var change = remaining[culprit].Change;
            var kind = await refusals.ClassifyAsync(reason, department.Account);
            if (kind == RefusalKind.Transient)
            {
                return (sent, reason.Description);
            }

            if (kind == RefusalKind.Permanent)
            {
                await RefuseAsync(change, reason.Description, cancellationToken);
                remaining = remaining[(culprit + 1)..];
            }
            else
            {
                await SetAsideAsync(change, reason.Description, cancellationToken);
                // Its certificate's later changes must not overtake it, in this chunk or a later one.
                heldBack.Add(change.CertificateId);
                remaining = remaining[(culprit + 1)..].Where(o => o.Change.CertificateId != change.CertificateId).ToList();
            }
        }

        return (sent, null);
    }

    // The department's account may not record any more (suspended or dissolved): its suspensions and
    // revocations, all asked for while it was active (the API refuses an inactive department), go
    // through the registrar; a reinstatement or a supersession, and what follows it, waits.
    private async Task<(int Sent, string? Blocked)> SendThroughRegistrarAsync(Department department, List<Outgoing> remaining, HashSet<Guid> heldBack, CancellationToken cancellationToken)
    {
        var restrictions = new List<Outgoing>();
        foreach (var outgoing in remaining)
        {
            // A reinstatement gives back trust, and a supersession needs its successor anchored, which a
            // department that may not anchor never gets: both wait for the department.
            if (outgoing.Change.Status is CertificateLifecycle.Active or CertificateLifecycle.Superseded)
            {
                heldBack.Add(outgoing.Change.CertificateId);
            }
            else if (!heldBack.Contains(outgoing.Change.CertificateId))
            {
                restrictions.Add(outgoing);
            }
        }

        var waiting = remaining.Count - restrictions.Count;
        var inactive = $"department {department.Account} is not active on chain: {waiting} reinstatement(s) or supersession(s) and the changes behind them wait";
        if (restrictions.Count == 0)
        {
            return (0, inactive);
        }

        TransactionSender registrar;
        try
        {
            registrar = await governance.SenderAsync(cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            return (0, $"department {department.Account} is not active on chain and its changes need the registrar: {ex.Message}");
        }

        var channel = new Channel(
            requests => registry.TryRecordForAsync(registrar, department.Account, requests),
            (requests, ct) => registry.RecordForAsync(registrar, department.Account, requests, ct),
            ViaRegistrar: true);
        var (sent, blocked) = await SendChunkAsync(department, channel, restrictions, heldBack, cancellationToken);
        logger.StatusChangesRecordedByRegistrar(department.CreditCode, sent);
        return (sent, blocked ?? (waiting > 0 ? inactive : null));
    }

    private Channel OwnAccount(TransactionSender sender) => new(
        requests => registry.TryRecordAsync(sender, requests),
        (requests, ct) => registry.RecordAsync(sender, requests, ct),
        ViaRegistrar: false);

    // The longest prefix the chain accepts, the index of the change after it, and why the chain refuses that one.
    private static async Task<(int Passing, int Culprit, ContractRevert Reason)> FindFirstRefusedAsync(Channel channel, List<Outgoing> changes, ContractRevert whole)
    {
        int lo = 0, hi = changes.Count;
        var reason = whole;
        while (hi - lo > 1)
        {
            var mid = (lo + hi) / 2;
            if (await channel.TryAsync(Requests(changes[..mid])) is { } refused)
            {
                hi = mid;
                reason = refused;
            }
            else
            {
                lo = mid;
            }
        }

        return (lo, hi - 1, reason);
    }

    private async Task RecordAnchoredAsync(List<Outgoing> changes, string account, string transactionHash, CancellationToken cancellationToken)
    {
        var recorded = (await registry.RecordedByAsync(transactionHash)).ToDictionary(r => Convert.ToHexString(r.ChangeId), StringComparer.Ordinal);
        foreach (var (change, request) in changes)
        {
            // Not in this transaction's events: the registry skipped it as recorded before (a send whose outcome was lost).
            var where = recorded.GetValueOrDefault(Convert.ToHexString(request.ChangeId)) ?? await registry.FindRecordedAsync(account, request.Key, request.ChangeId)
                ?? throw new ChainUnavailableException($"status change {change.Id} was sent in {transactionHash} but is not on record");
            change.State = StatusChangeStates.Anchored;
            change.TransactionHash = where.TransactionHash;
            change.BlockNumber = (long)where.BlockNumber;
            change.RecordedEffectiveAt = where.EffectiveAt;
            change.FailedAttempts = 0;
            change.LastFailure = null;
            change.RetryAfter = null;
        }

        await store.SaveChangesAsync(cancellationToken);
    }

    private async Task RefuseAsync(StatusChangeRecord change, string reason, CancellationToken cancellationToken)
    {
        change.State = StatusChangeStates.Refused;
        change.RefusalReason = reason;
        await store.SaveChangesAsync(cancellationToken);
        await CertificateTransitions.RebuildMirrorsAsync(store, [change.CertificateId], cancellationToken);
        logger.StatusChangeRefused(change.Id, reason);
    }

    private async Task SetAsideAsync(StatusChangeRecord change, string reason, CancellationToken cancellationToken)
    {
        change.FailedAttempts++;
        change.LastFailure = reason;
        if (change.FailedAttempts >= options.Value.MaxAttempts)
        {
            change.State = StatusChangeStates.Failed;
            change.RefusalReason = $"set aside after {change.FailedAttempts} tries: {reason}";
            await store.SaveChangesAsync(cancellationToken);
            await CertificateTransitions.RebuildMirrorsAsync(store, [change.CertificateId], cancellationToken);
            return;
        }

        change.RetryAfter = time.GetUtcNow() + Backoff.After(change.FailedAttempts, options.Value);
        await store.SaveChangesAsync(cancellationToken);
    }

    // A change of a certificate whose batch the chain refused can never be recorded: closed, with the reason.
    private async Task CloseNeverAnchoredAsync(List<StatusChangeRecord> pending, Dictionary<Guid, CertificateRecord> certificates, CancellationToken cancellationToken)
    {
        var closed = new List<Guid>();
        foreach (var change in pending.Where(c => certificates[c.CertificateId].Status == CertificateStatus.Refused))
        {
            change.State = StatusChangeStates.Failed;
            change.RefusalReason = $"its certificate was never anchored: the chain refused its batch ({certificates[change.CertificateId].Batch?.RefusalReason})";
            closed.Add(change.CertificateId);
        }

        if (closed.Count > 0)
        {
            await store.SaveChangesAsync(cancellationToken);
            await CertificateTransitions.RebuildMirrorsAsync(store, closed.Distinct().ToList(), cancellationToken);
        }
    }

    private static List<LifecycleChangeRequest> Requests(IEnumerable<Outgoing> changes) => changes.Select(c => c.Request).ToList();

    private sealed record Outgoing(StatusChangeRecord Change, LifecycleChangeRequest Request);

    /// <summary>Who records: the department's own account, or the registrar under the department's account.</summary>
    private sealed record Channel(
        Func<List<LifecycleChangeRequest>, Task<ContractRevert?>> TryAsync,
        Func<List<LifecycleChangeRequest>, CancellationToken, Task<TransactionOutcome>> RecordAsync,
        bool ViaRegistrar);
}
