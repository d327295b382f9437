using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Lifecycle;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Anchoring;

/// <summary>What became of a batch in one try.</summary>
public enum SubmitResult
{
    Anchored,
    Refused,
    Waiting,
    Quarantined,
}

/// <summary>
/// Steps 2 and 3 of anchoring: put a prepared batch's root on chain (unless the department's account
/// already has, from a send before a crash) and then record block and transaction for the batch and
/// its certificates in one database transaction.
/// </summary>
/// <remarks>
/// An anchor is looked up under the department's own account: another department's account that
/// copies the root from the pool anchors its own copy, which never passes for ours. An anchor found
/// under our account must match the batch (leaf count, hash algorithm), or the batch is quarantined.
/// A refusal the chain will repeat (the type was revoked) refuses the batch for good and closes the
/// status changes still waiting on its certificates; one that passes with time (the sender is not
/// allowlisted yet, the department is suspended) is retried; one nobody can explain is retried and,
/// after too many tries, quarantined.
/// </remarks>
public sealed class BatchSubmitter(
    CertificateStore store,
    CertificateAnchorClient anchors,
    ChainReader chain,
    DepartmentSenders senders,
    ChainRefusals refusals,
    UnresolvedSends unresolved,
    IOptions<AnchoringOptions> options,
    TimeProvider time,
    ILogger<BatchSubmitter> logger)
{
    public async Task<SubmitResult> SubmitAsync(AnchorBatchRecord batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var department = await DepartmentDirectory.FindAsync(store, batch.IssuerCode, cancellationToken)
            ?? throw new InvalidOperationException($"batch {batch.Id} belongs to unconfigured department {batch.IssuerCode}");
        var hash = HashFunctions.ByName(batch.HashAlgorithm);
        if (await anchors.GetAnchorAsync(department.Account, batch.Root) is { } existing)
        {
            logger.AlreadyAnchored(batch.Id);
            return await AdoptAsync(batch, department, existing, hash, null, cancellationToken);
        }

        var sender = await senders.ForAsync(department);
        var outcome = await anchors.AnchorAsync(sender, batch.Root, (uint)batch.LeafCount, hash.Id, batch.TypeCodes.Split(','), cancellationToken);
        if (outcome.Succeeded || outcome.Revert!.ErrorName == "RootAlreadyAnchored")
        {
            // Mined now, or by our own earlier send (a retry after a timeout): either way the chain holds it.
            var anchor = await anchors.GetAnchorAsync(department.Account, batch.Root)
                ?? throw new ChainUnavailableException($"the anchor of batch {batch.Id} is reported but not readable yet");
            return await AdoptAsync(batch, department, anchor, hash, outcome.Succeeded ? outcome.TransactionHash : null, cancellationToken);
        }

        return await refusals.ClassifyAsync(outcome.Revert, department.Account) switch
        {
            RefusalKind.Permanent when outcome.Revert.ErrorName == "TypeNotGranted" => await RefuseRevokedTypesAsync(batch, department, outcome.Revert.Description, cancellationToken),
            RefusalKind.Permanent => await RecordRefusedAsync(batch, outcome.Revert.Description, null, cancellationToken),
            RefusalKind.Transient => await RecordRetryAsync(batch, outcome.Revert.Description, countsTowardQuarantine: false, cancellationToken),
            _ => await RecordRetryAsync(batch, outcome.Revert.Description, countsTowardQuarantine: true, cancellationToken),
        };
    }

    private async Task<SubmitResult> AdoptAsync(AnchorBatchRecord batch, Department department, AnchorStruct anchor, IHashFunction hash, string? transactionHash, CancellationToken cancellationToken)
    {
        if (anchor.LeafCount != batch.LeafCount || anchor.HashAlgorithm != (byte)hash.Id)
        {
            return await QuarantineAsync(
                batch, $"an anchor of this root by {department.Account} has {anchor.LeafCount} leaves and hash algorithm {anchor.HashAlgorithm}; the batch has {batch.LeafCount} and {hash.Name}", cancellationToken);
        }

        transactionHash ??= await FindTransactionAsync(department.Account, batch.Root, anchor.BlockNumber);
        if (transactionHash is null)
        {
            // The anchor is in the contract's state but its block holds no event of it: the node is inconsistent.
            return await RecordRetryAsync(batch, $"the root is anchored in block {anchor.BlockNumber} but the node has no BatchAnchored event of it there", countsTowardQuarantine: true, cancellationToken);
        }

        await RecordAnchoredAsync(batch, anchor, transactionHash, cancellationToken);
        return SubmitResult.Anchored;
    }

    private async Task<string?> FindTransactionAsync(string account, byte[] root, ulong block)
    {
        var logs = await new ChunkedLogReader(chain.Web3).ReadAsync<BatchAnchoredEvent>(anchors.Address, block, block);
        return logs.FirstOrDefault(l => l.Event.Root.AsSpan().SequenceEqual(root) && string.Equals(l.Event.Issuer, account, StringComparison.OrdinalIgnoreCase))?.Log.TransactionHash;
    }

    private async Task RecordAnchoredAsync(AnchorBatchRecord batch, AnchorStruct anchor, string transactionHash, CancellationToken cancellationToken)
    {
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        batch.State = AnchorBatchState.Anchored;
        batch.TransactionHash = transactionHash;
        batch.BlockNumber = (long)anchor.BlockNumber;
        batch.AnchoredAt = DateTimeOffset.FromUnixTimeSeconds((long)anchor.Timestamp);
        batch.FailedAttempts = 0;
        batch.LastFailure = null;
        batch.RetryAfter = null;
        await store.Certificates.Where(c => c.BatchId == batch.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CertificateStatus.Anchored), cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.Anchored(batch.Id, batch.LeafCount, anchor.BlockNumber, transactionHash);
    }

    // The department lost a type while a batch mixing it with others waited: only that type's
    // certificates are refused; the others go back to the pool and are cut into a new batch.
    private async Task<SubmitResult> RefuseRevokedTypesAsync(AnchorBatchRecord batch, Department department, string reason, CancellationToken cancellationToken)
    {
        var types = batch.TypeCodes.Split(',');
        var (active, revoked) = await refusals.HoldingsAsync(department.Account, types);
        if (!active || revoked.Count == 0)
        {
            // Suspended since (isAuthorised needs an active department), or granted again: not for good.
            return await RecordRetryAsync(batch, reason, countsTowardQuarantine: false, cancellationToken);
        }

        if (await anchors.GetAnchorAsync(department.Account, batch.Root) is not null || await unresolved.AnyAsync(department.Account, cancellationToken))
        {
            // An earlier send of this root mined after all (adopted on the next try), or one may still
            // land from a pool: nothing of the batch is given up while it can.
            return await RecordRetryAsync(batch, $"{reason}; the department's account has a transaction that may still be mined", countsTowardQuarantine: false, cancellationToken);
        }

        return await RecordRefusedAsync(batch, reason, revoked.Count == types.Length ? null : revoked, cancellationToken);
    }

    /// <summary>Refuses the batch and its certificates for good, or only those of <paramref name="onlyTypes"/>, returning the others to the pool.</summary>
    private async Task<SubmitResult> RecordRefusedAsync(AnchorBatchRecord batch, string reason, IReadOnlyCollection<string>? onlyTypes, CancellationToken cancellationToken)
    {
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        batch.State = AnchorBatchState.Refused;
        batch.RefusalReason = onlyTypes is null ? reason : $"{reason}; the certificates of types still granted were returned to the pool";
        if (onlyTypes is not null)
        {
            // The root was never anchored, so no proof of it was ever handed out: the others are free for a new batch.
            await store.Certificates.Where(c => c.BatchId == batch.Id && !onlyTypes.Contains(c.TypeCode))
                .ExecuteUpdateAsync(u => u.SetProperty(c => c.BatchId, (Guid?)null).SetProperty(c => c.LeafIndex, (long?)null).SetProperty(c => c.ProofPath, (byte[]?)null), cancellationToken);
        }

        await store.Certificates.Where(c => c.BatchId == batch.Id).ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CertificateStatus.Refused), cancellationToken);
        // A renewal's supersession of a certificate refused here can never reach the chain now: it is closed, with the reason.
        var closed = $"its certificate was never anchored: the chain refused its batch ({reason})";
        var waiting = store.StatusChanges.Where(c => c.State == StatusChangeStates.Pending && store.Certificates.Any(r => r.Id == c.CertificateId && r.BatchId == batch.Id && r.Status == CertificateStatus.Refused));
        var affected = await waiting.Select(c => c.CertificateId).Distinct().ToListAsync(cancellationToken);
        await waiting.ExecuteUpdateAsync(u => u.SetProperty(c => c.State, StatusChangeStates.Failed).SetProperty(c => c.RefusalReason, closed), cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        await CertificateTransitions.RebuildMirrorsAsync(store, affected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.Refused(batch.Id, batch.IssuerCode, reason);
        return SubmitResult.Refused;
    }

    private async Task<SubmitResult> RecordRetryAsync(AnchorBatchRecord batch, string reason, bool countsTowardQuarantine, CancellationToken cancellationToken)
    {
        var attempts = batch.FailedAttempts + (countsTowardQuarantine ? 1 : 0);
        if (countsTowardQuarantine && attempts >= options.Value.MaxAttempts)
        {
            batch.FailedAttempts = attempts;
            return await QuarantineAsync(batch, reason, cancellationToken);
        }

        batch.FailedAttempts = attempts;
        batch.LastFailure = reason;
        batch.RetryAfter = time.GetUtcNow() + Backoff.After(Math.Max(attempts, 3), options.Value);
        await store.SaveChangesAsync(cancellationToken);
        logger.NotAnchoredYet(batch.Id, batch.IssuerCode, attempts, reason);
        return SubmitResult.Waiting;
    }

    private async Task<SubmitResult> QuarantineAsync(AnchorBatchRecord batch, string reason, CancellationToken cancellationToken)
    {
        batch.State = AnchorBatchState.Failed;
        batch.LastFailure = reason;
        batch.RetryAfter = null;
        await store.SaveChangesAsync(cancellationToken);
        logger.BatchQuarantined(batch.Id, batch.FailedAttempts, reason);
        return SubmitResult.Quarantined;
    }
}
