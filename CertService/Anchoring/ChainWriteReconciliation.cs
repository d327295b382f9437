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
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// The reconciliation step, at start and every interval: the records whose fact is written on chain
/// first (dataset versions, catalog revisions, seal registrations) and that a crash, an outage or a
/// failed database write left <c>prepared</c>, settled from what the chain holds once the request
/// that made them is surely over. One the chain holds becomes published; one it does not is
/// finished (what the chain lacks of it is sent: a publish, an entry, its field sources, a
/// registration), so nothing is left for a late transaction from some pool to put on chain behind
/// the database's back; only one whose number or code the chain holds with other content, or that
/// the chain refuses, is abandoned (its drafts deleted). A refused one is abandoned only once its
/// sender has no transaction that may still be mined (<see cref="UnresolvedSends"/>): a stalled
/// pool's original may yet land, and is then adopted. Also trims the send journal.
/// </summary>
public sealed class ChainWriteReconciliation(
    CertificateStore store,
    LeasedDepartments leased,
    DataRegistryClient data,
    SealRegistryClient sealRegistry,
    GovernanceSender governance,
    DepartmentSenders senders,
    DatasetFiles files,
    UnresolvedSends unresolved,
    PipelineHealth health,
    IOptions<ChainOptions> chain,
    IOptions<AnchoringOptions> anchoring,
    TimeProvider time,
    ILogger<ChainWriteReconciliation> logger) : IPipelineStep
{
    private static readonly TimeSpan JournalKept = TimeSpan.FromDays(1);

    public string Name => PipelineSteps.Reconciliation;

    // A prepared record this young may still be in the hands of the request that made it.
    private TimeSpan Grace => anchoring.Value.SettleAfter ?? chain.Value.ReceiptTimeout + TimeSpan.FromSeconds(10);

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
        var sources = await leased.HeldAsync(cancellationToken);
        var codes = sources.Select(d => d.CreditCode).ToList();
        var cutoff = now - Grace;
        var prepared = await store.DatasetVersions
            .Where(v => v.State == ChainWriteStates.Prepared && codes.Contains(v.PublishedBy) && v.PublishedAt < cutoff)
            .OrderBy(v => v.ResourceCode).ThenBy(v => v.Version).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var version in prepared)
        {
            var leaves = files.Leaves(version.ResourceCode, version.Version);
            var contents = files.Contents(version.ResourceCode, version.Version);
            var draft = DatasetFiles.DraftSuffix(version.Id);
            var source = sources.Single(d => d.CreditCode == version.PublishedBy);
            var onChain = await data.GetVersionAsync(version.ResourceCode, (uint)version.Version);
            if (onChain is null && ((await data.GetResourceAsync(version.ResourceCode))?.LatestVersion ?? 0) < version.Version && File.Exists(leaves + draft))
            {
                // Not on chain, its number still free: finish the publish its request began (it may also still arrive from a pool; one of the two is refused).
                var fields = version.AuthoritativeFields.Split(',', StringSplitOptions.RemoveEmptyEntries);
                var outcome = await data.PublishVersionAsync(
                    await senders.ForAsync(source), version.ResourceCode, (uint)version.Version, version.Root, (ulong)version.RowCount, version.SchemaHash, HashAlgorithmId.Sm3, fields, cancellationToken);
                onChain = await data.GetVersionAsync(version.ResourceCode, (uint)version.Version);
                if (onChain is null)
                {
                    logger.Reconciled($"dataset {version.ResourceCode} version {version.Version}: publishing it again was refused ({outcome.Revert?.Description})");
                }
            }

            if (onChain is not null && onChain.Root.AsSpan().SequenceEqual(version.Root))
            {
                // The drafts become the version's files, unless the publisher moved them already (its last write was the one that failed).
                if (File.Exists(leaves + draft))
                {
                    DatasetFiles.Keep(leaves, contents, draft);
                }

                version.State = ChainWriteStates.Published;
                version.BlockNumber = (long)onChain.BlockNumber;
                version.TransactionHash = await data.FindPublishingTransactionAsync(version.ResourceCode, (uint)version.Version, onChain.BlockNumber);
                logger.Reconciled($"dataset {version.ResourceCode} version {version.Version} is on chain (block {onChain.BlockNumber}); recorded as published");
            }
            else if (onChain is null && await unresolved.AnyAsync(source.Account, cancellationToken))
            {
                // Refused now, but a transaction of its publisher may still land (a stalled pool, a node that lost it): the next pass looks again.
                logger.Reconciled($"dataset {version.ResourceCode} version {version.Version} is not on chain yet and {source.Account} has transactions not mined; kept prepared");
                continue;
            }
            else
            {
                // Its number holds another root on chain, or it cannot be published: nothing of it is kept.
                File.Delete(leaves + draft);
                File.Delete(contents + draft);
                // Only a version still prepared goes: its request may have settled it a moment ago.
                await store.DatasetVersions.Where(v => v.Id == version.Id && v.State == ChainWriteStates.Prepared).ExecuteDeleteAsync(cancellationToken);
                store.Entry(version).State = EntityState.Detached;
                logger.Reconciled($"dataset {version.ResourceCode} version {version.Version} cannot reach the chain; abandoned");
            }

            await store.SaveChangesAsync(cancellationToken);
            settled++;
        }

        return settled;
    }

    private async Task<int> SettleCatalogRevisionsAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var cutoff = now - Grace;
        var prepared = await store.DataResourceRevisions.Where(r => r.State == ChainWriteStates.Prepared && r.At < cutoff).OrderBy(r => r.Code).ThenBy(r => r.CatalogVersion).ToListAsync(cancellationToken);
        var settled = 0;
        foreach (var revision in prepared)
        {
            var onChain = await data.GetResourceAsync(revision.Code);
            var taken = onChain is not null && onChain.CatalogVersion >= revision.CatalogVersion
                && !(onChain.CatalogVersion == revision.CatalogVersion && onChain.CatalogHash.AsSpan().SequenceEqual(revision.Hash));
            if (taken)
            {
                await store.DataResourceRevisions.Where(r => r.Id == revision.Id && r.State == ChainWriteStates.Prepared).ExecuteDeleteAsync(cancellationToken);
                store.Entry(revision).State = EntityState.Detached;
                logger.Reconciled($"catalog {revision.Code} revision {revision.CatalogVersion}: the chain holds another revision under its number; abandoned");
            }
            else
            {
                // Anchor what the chain lacks of it (its entry, its field sources), then let the catalog take it on.
                var outcome = await CatalogRevisions.SendAsync(store, data, await governance.SenderAsync(cancellationToken), revision, cancellationToken);
                if (outcome is { Succeeded: false })
                {
                    logger.Reconciled($"catalog {revision.Code} revision {revision.CatalogVersion}: the chain refused it ({outcome.Revert!.Description}); retrying");
                    continue;
                }

                await CatalogRevisions.ApplyAsync(store, revision, outcome?.TransactionHash, (long)(outcome?.BlockNumber ?? onChain?.RegisteredAtBlock ?? 0), cancellationToken);
                logger.Reconciled($"catalog {revision.Code} revision {revision.CatalogVersion} is on chain; applied");
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
            var owner = await DepartmentDirectory.FindAsync(store, seal.DepartmentCode, cancellationToken)
                ?? throw new InvalidOperationException($"seal {seal.Code} names department {seal.DepartmentCode}, which is not on board");
            // Registered already (sent before a crash), or registered now; another key under its code is a refusal.
            var outcome = await SealRegistration.SendAsync(sealRegistry, await governance.SenderAsync(cancellationToken), seal, owner.Account, cancellationToken);
            if (outcome.Succeeded)
            {
                seal.State = ChainWriteStates.Published;
                seal.RegistrationTransaction ??= string.IsNullOrEmpty(outcome.TransactionHash) ? null : outcome.TransactionHash;
                logger.Reconciled($"seal {seal.Code} is registered on chain; recorded as registered");
            }
            else if (await unresolved.AnyAsync((await governance.SenderAsync(cancellationToken)).Address, cancellationToken))
            {
                // A registration of it sent earlier may still land from some pool: the next pass looks again.
                logger.Reconciled($"seal {seal.Code} cannot be registered now ({outcome.Revert!.Description}) but governance has transactions not mined; kept prepared");
                continue;
            }
            else
            {
                await store.Seals.Where(s => s.Code == seal.Code && s.State == ChainWriteStates.Prepared).ExecuteDeleteAsync(cancellationToken);
                store.Entry(seal).State = EntityState.Detached;
                logger.Reconciled($"seal {seal.Code} cannot be registered ({outcome.Revert!.Description}); abandoned");
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
