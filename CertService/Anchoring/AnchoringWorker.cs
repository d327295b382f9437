using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// The anchoring pipeline, after cert-issuer: finish batches left prepared (by a crash or an
/// outage), render and seal the documents of new certificates, prepare and submit new batches,
/// record status changes, then anchor the sharing and data-sharing trails; every interval or as soon as a batch is full.
/// </summary>
public sealed class AnchoringWorker(IServiceScopeFactory scopes, AnchoringTrigger trigger, ILogger<AnchoringWorker> logger) : BackgroundService
{
    private const int DocumentChunk = 200;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunRoundAsync(stoppingToken);
            }
            catch (ChainUnavailableException ex)
            {
                logger.ChainUnavailable(ex.Message);
            }
            catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or FileNotFoundException)
            {
                logger.RoundFailed(ex);
            }

            await trigger.WaitAsync(stoppingToken);
        }
    }

    /// <summary>One round; public so tests can drive anchoring step by step.</summary>
    public async Task RunRoundAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        var preparer = scope.ServiceProvider.GetRequiredService<BatchPreparer>();
        var submitter = scope.ServiceProvider.GetRequiredService<BatchSubmitter>();
        var documents = scope.ServiceProvider.GetRequiredService<Documents.DocumentStage>();

        foreach (var batch in await store.Batches.Where(b => b.State == AnchorBatchState.Prepared).OrderBy(b => b.PreparedAt).ToListAsync(cancellationToken))
        {
            await submitter.SubmitAsync(batch, cancellationToken);
        }

        while (await documents.SealWaitingAsync(DocumentChunk, cancellationToken) > 0)
        {
            // Sealed in chunks so a large import is picked up piece by piece.
        }

        foreach (var (issuer, hash) in await preparer.WaitingGroupsAsync(cancellationToken))
        {
            while (await preparer.PrepareAsync(issuer, hash, cancellationToken) is { } batch)
            {
                await submitter.SubmitAsync(batch, cancellationToken);
            }
        }

        await scope.ServiceProvider.GetRequiredService<Lifecycle.StatusChangeSubmitter>().SubmitWaitingAsync(cancellationToken);

        var trail = scope.ServiceProvider.GetRequiredService<Sharing.SharingTrailAnchoring>();
        while (await trail.AnchorWaitingAsync(cancellationToken) == Sharing.SharingTrailAnchoring.MaxEvents)
        {
            // A full batch: more may be waiting.
        }

        var dataTrail = scope.ServiceProvider.GetRequiredService<DataTrust.DataTrailAnchoring>();
        while (await dataTrail.AnchorWaitingAsync(cancellationToken) == DataTrust.DataTrailAnchoring.MaxEntries)
        {
            // A full batch: more may be waiting.
        }
    }
}
