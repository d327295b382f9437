using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// The batches step, for each department this instance holds: first the batches left prepared (by
/// a crash, an outage, a refusal that passes with time) whose wait is over, then new batches of its
/// sealed pending certificates, each prepared, sent and recorded. A department whose batch does not
/// get through now is left for its next try; the others go on.
/// </summary>
public sealed class BatchAnchoringStep(CertificateStore store, LeasedDepartments leased, BatchPreparer preparer, BatchSubmitter submitter, PipelineSignals signals, TimeProvider time) : IPipelineStep
{
    public string Name => PipelineSteps.Batches;

    public async Task<StepPass> RunAsync(CancellationToken cancellationToken)
    {
        var departments = await leased.HeldAsync(cancellationToken);
        var anchored = 0;
        var failures = new List<Exception>();
        foreach (var department in departments)
        {
            try
            {
                anchored += await AnchorAsync(department.CreditCode, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One department's trouble (its node calls, its data) does not hold the others back.
                store.ChangeTracker.Clear();
                failures.Add(ex);
            }
        }

        if (anchored > 0)
        {
            signals.Nudge(PipelineSteps.StatusChanges);
        }

        PipelineFailures.ThrowIfAny(failures, departments.Count);

        var codes = departments.Select(d => d.CreditCode).ToList();
        var waiting = await store.Certificates.CountAsync(c => c.Status == CertificateStatus.Pending && c.LeafHash != null && codes.Contains(c.IssuerCode), cancellationToken);
        return new StepPass(0, waiting);
    }

    private async Task<int> AnchorAsync(string issuerCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var anchored = 0;
        var prepared = await store.Batches
            .Where(b => b.IssuerCode == issuerCode && b.State == AnchorBatchState.Prepared && (b.RetryAfter == null || b.RetryAfter <= now))
            .OrderBy(b => b.PreparedAt).ToListAsync(cancellationToken);
        foreach (var batch in prepared)
        {
            if (await submitter.SubmitAsync(batch, cancellationToken) != SubmitResult.Anchored)
            {
                // What held this one back holds the department's next ones back too: try again later.
                return anchored;
            }

            anchored += batch.LeafCount;
        }

        if (await store.Batches.AnyAsync(b => b.IssuerCode == issuerCode && b.State == AnchorBatchState.Prepared, cancellationToken))
        {
            return anchored; // one is waiting out its backoff: new batches queue behind it
        }

        foreach (var algorithm in await preparer.WaitingAlgorithmsAsync(issuerCode, cancellationToken))
        {
            while (await preparer.PrepareAsync(issuerCode, algorithm, cancellationToken) is { } batch)
            {
                if (await submitter.SubmitAsync(batch, cancellationToken) != SubmitResult.Anchored)
                {
                    return anchored;
                }

                anchored += batch.LeafCount;
            }
        }

        return anchored;
    }
}
