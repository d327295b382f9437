using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.DataTrust;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// The reconciliation step, at start and every interval: the records whose fact is written on chain
/// first (dataset versions, catalog revisions, seal registrations) and that a crash, an outage or a
/// failed database write left <c>prepared</c>, settled from what the chain holds. One the chain
/// holds becomes published (a catalog revision's missing field sources are sent first); one the
/// chain does not hold, once the request that made it is surely over, is abandoned (its drafts
/// deleted): that request never answered success. Also trims the send journal.
/// </summary>
public sealed class ChainWriteReconciliation(
    CertificateStore store,
    LeasedDepartments leased,
    DataRegistryClient data,
    SealRegistryClient sealRegistry,
    GovernanceSender governance,
    DatasetFiles files,
    PipelineHealth health,
    IOptions<ChainOptions> chain,
    TimeProvider time,
    ILogger<ChainWriteReconciliation> logger) : IPipelineStep
{
    private static readonly TimeSpan JournalKept = TimeSpan.FromDays(1);

    public string Name => PipelineSteps.Reconciliation;

    // A prepared record this young may still be in the hands of the request that made it.
    private TimeSpan Grace => chain.Value.ReceiptTimeout + TimeSpan.FromSeconds(10);

    public async Task<StepPass> RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var settled = await SettleDatasetVersionsAsync(now, cancellationToken);
        if (leased.HoldsGovernance)
        {
            settled += await SettleCatalogRevisionsAsync(now, cancellationToken);
            settled += await SettleSealsAsync(now, cancellationToken);
            await TrimJournalAsync(now, cancellationToken);
        }

        var waiting = await store.DatasetVersions.CountAsync(v => v.State == ChainWriteStates.Prepared, cancellationToken)
            + await store.DataResourceRevisions.CountAsync(r => r.State == ChainWriteStates.Prepared, cancellationToken)
            + await store.Seals.CountAsync(s => s.State == ChainWriteStates.Prepared, cancellationToken);
        health.For(Name).Note = waiting > 0 ? $"{waiting} chain-first write(s) prepared and not settled yet" : null;
        return new StepPass(0, waiting);
    }

    private async Task<int> SettleDatasetVersionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var sources = (await leased.HeldAsync(cancellationToken)).Select(d => d.CreditCode).ToList();
        var cutoff = now - Grace;
        var prepared = await store.DatasetVersions
            .Where(v => v.State == ChainWriteStates.Prepared && sources.Contains(v.PublishedBy) && v.PublishedAt < cutoff).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var version in prepared)
        {
            var leaves = files.Leaves(version.ResourceCode, version.Version);
            var contents = files.Contents(version.ResourceCode, version.Version);
            var draft = DatasetFiles.DraftSuffix(version.Id);
            var onChain = await data.GetVersionAsync(version.ResourceCode, (uint)version.Version);
            if (onChain is not null && onChain.Root.AsSpan().SequenceEqual(version.Root) && File.Exists(leaves + draft))
            {
                DatasetFiles.Keep(leaves, contents, draft);
                version.State = ChainWriteStates.Published;
                version.BlockNumber = (long)onChain.BlockNumber;
                version.TransactionHash = await data.FindPublishingTransactionAsync(version.ResourceCode, (uint)version.Version, onChain.BlockNumber);
                logger.Reconciled($"dataset {version.ResourceCode} version {version.Version} was on chain (block {onChain.BlockNumber}); recorded as published");
            }
            else
            {
                // Never reached the chain (or the chain holds another root under its number): nothing of it is kept.
                File.Delete(leaves + draft);
                File.Delete(contents + draft);
                store.DatasetVersions.Remove(version);
                logger.Reconciled($"dataset {version.ResourceCode} version {version.Version} never reached the chain; abandoned");
            }

            await store.SaveChangesAsync(cancellationToken);
            settled++;
        }

        return settled;
    }

    private async Task<int> SettleCatalogRevisionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var prepared = await store.DataResourceRevisions.Where(r => r.State == ChainWriteStates.Prepared && r.At < cutoff).OrderBy(r => r.CatalogVersion).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var revision in prepared)
        {
            var onChain = await data.GetResourceAsync(revision.Code);
            if (onChain is not null && onChain.CatalogVersion == revision.CatalogVersion && onChain.CatalogHash.AsSpan().SequenceEqual(revision.Hash))
            {
                // Anchored: the field sources may still be missing (the second of its two writes).
                var outcome = await CatalogRevisions.SendAsync(store, data, await governance.SenderAsync(cancellationToken), revision, cancellationToken);
                if (outcome is { Succeeded: false })
                {
                    logger.Reconciled($"catalog {revision.Code} revision {revision.CatalogVersion}: its field sources were refused ({outcome.Revert!.Description}); retrying");
                    continue;
                }

                await CatalogRevisions.ApplyAsync(store, revision, outcome?.TransactionHash, (long)(outcome?.BlockNumber ?? onChain.RegisteredAtBlock), cancellationToken);
                logger.Reconciled($"catalog {revision.Code} revision {revision.CatalogVersion} was on chain; applied");
            }
            else
            {
                store.DataResourceRevisions.Remove(revision);
                logger.Reconciled($"catalog {revision.Code} revision {revision.CatalogVersion} never reached the chain; abandoned");
            }

            await store.SaveChangesAsync(cancellationToken);
            settled++;
        }

        return settled;
    }

    private async Task<int> SettleSealsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var prepared = await store.Seals.Where(s => s.State == ChainWriteStates.Prepared && s.CreatedAt < cutoff).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var seal in prepared)
        {
            var owner = await DepartmentDirectory.FindAsync(store, seal.DepartmentCode, cancellationToken);
            if (owner is not null && await sealRegistry.GetAsync(seal.Code) is { } onChain && SealRegistration.Matches(onChain.Seal, seal, owner.Account))
            {
                seal.State = ChainWriteStates.Published;
                logger.Reconciled($"seal {seal.Code} was registered on chain (block {onChain.Seal.RegisteredAtBlock}); recorded as registered");
            }
            else
            {
                store.Seals.Remove(seal);
                logger.Reconciled($"seal {seal.Code} never reached the chain; abandoned");
            }

            await store.SaveChangesAsync(cancellationToken);
            settled++;
        }

        return settled;
    }

    // Signed transactions are kept a day: long enough to send any of them again after an outage.
    private async Task TrimJournalAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var before = now - JournalKept;
        await store.ChainTransactions.Where(t => t.RecordedAt < before).ExecuteDeleteAsync(cancellationToken);
    }
}
