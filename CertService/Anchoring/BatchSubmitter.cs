using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// Steps 2 and 3 of anchoring: put a prepared batch's root on chain (unless it already is, from a
/// send that happened before a crash) and then record block and transaction for the batch and its
/// certificates in one database transaction.
/// </summary>
public sealed class BatchSubmitter(
    CertificateStore store,
    CertificateAnchorClient anchors,
    ChainReader chain,
    DepartmentSenders senders,
    ILogger<BatchSubmitter> logger)
{
    public async Task SubmitAsync(AnchorBatchRecord batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var department = await DepartmentDirectory.FindAsync(store, batch.IssuerCode, cancellationToken)
            ?? throw new InvalidOperationException($"batch {batch.Id} belongs to unconfigured department {batch.IssuerCode}");
        var sender = await senders.ForAsync(department);

        var existing = await anchors.GetAnchorAsync(batch.Root);
        if (existing is not null)
        {
            await RecordAnchoredAsync(batch, existing, await FindTransactionAsync(batch.Root, existing.BlockNumber), cancellationToken);
            return;
        }

        var hash = HashFunctions.ByName(batch.HashAlgorithm);
        var outcome = await anchors.AnchorAsync(sender, batch.Root, (uint)batch.LeafCount, hash.Id, batch.TypeCodes.Split(','), cancellationToken);
        if (outcome.Succeeded)
        {
            var anchor = await anchors.GetAnchorAsync(batch.Root)
                ?? throw new ChainUnavailableException($"anchor of batch {batch.Id} mined in {outcome.TransactionHash} but not readable");
            await RecordAnchoredAsync(batch, anchor, outcome.TransactionHash!, cancellationToken);
        }
        else if (outcome.Revert!.ErrorName == "RootAlreadyAnchored")
        {
            // Lost a race with our own earlier send; the next round finds the anchor and records it.
            logger.AlreadyAnchored(batch.Id);
        }
        else
        {
            await RecordRefusedAsync(batch, outcome.Revert, cancellationToken);
        }
    }

    private async Task<string> FindTransactionAsync(byte[] root, ulong block)
    {
        var logs = await new ChunkedLogReader(chain.Web3).ReadAsync<BatchAnchoredEvent>(anchors.Address, block, block);
        return logs.FirstOrDefault(l => l.Event.Root.AsSpan().SequenceEqual(root))?.Log.TransactionHash
            ?? throw new ChainUnavailableException($"root anchored in block {block} but its event was not found");
    }

    private async Task RecordAnchoredAsync(AnchorBatchRecord batch, AnchorStruct anchor, string transactionHash, CancellationToken cancellationToken)
    {
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        batch.State = AnchorBatchState.Anchored;
        batch.TransactionHash = transactionHash;
        batch.BlockNumber = (long)anchor.BlockNumber;
        batch.AnchoredAt = DateTimeOffset.FromUnixTimeSeconds((long)anchor.Timestamp);
        await store.Certificates.Where(c => c.BatchId == batch.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CertificateStatus.Anchored), cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.Anchored(batch.Id, batch.LeafCount, anchor.BlockNumber, transactionHash);
    }

    private async Task RecordRefusedAsync(AnchorBatchRecord batch, ContractRevert revert, CancellationToken cancellationToken)
    {
        await using var transaction = await store.Database.BeginTransactionAsync(cancellationToken);
        batch.State = AnchorBatchState.Refused;
        batch.RefusalReason = revert.Description;
        await store.Certificates.Where(c => c.BatchId == batch.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Status, CertificateStatus.Refused), cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.Refused(batch.Id, batch.IssuerCode, revert.Description);
    }
}
