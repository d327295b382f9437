using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// A trail step (sharing trail, data-sharing trail) on the instance that holds governance's account:
/// first the lines prepared under a root that is not recorded as anchored yet (a crash or an outage
/// came between), then up to <see cref="MaxLines"/> new lines, oldest first, prepared (their place
/// in the tree committed) and then anchored, so a line is a leaf of exactly one anchored root.
/// </summary>
public abstract class TrailAnchoring<T>(CertificateStore store, TrailRootAnchor anchor, LeasedDepartments leased) : IPipelineStep
    where T : class, IAnchoredTrailLine
{
    public const int MaxLines = 1000;

    public abstract string Name { get; }

    protected abstract string Kind { get; }

    protected abstract IQueryable<T> Lines { get; }

    protected abstract IQueryable<T> Oldest(IQueryable<T> lines);

    public async Task<StepPass> RunAsync(CancellationToken cancellationToken)
    {
        if (!leased.HoldsGovernance)
        {
            return StepPass.Idle;
        }

        var done = 0;
        var prepared = await Lines.Where(l => l.TrailRoot != null && l.TrailBlock == null).ToListAsync(cancellationToken);
        foreach (var group in prepared.GroupBy(l => Convert.ToHexString(l.TrailRoot!)))
        {
            var lines = group.OrderBy(l => l.TrailIndex).ToList();
            await anchor.AnchorPreparedAsync(lines, Kind, cancellationToken);
            await store.SaveChangesAsync(cancellationToken);
            done += lines.Count;
        }

        var fresh = await Oldest(Lines.Where(l => l.TrailRoot == null)).Take(MaxLines).ToListAsync(cancellationToken);
        if (fresh.Count > 0)
        {
            TrailRootAnchor.Prepare(fresh);
            await store.SaveChangesAsync(cancellationToken);
            await anchor.AnchorPreparedAsync(fresh, Kind, cancellationToken);
            await store.SaveChangesAsync(cancellationToken);
            done += fresh.Count;
        }

        var waiting = fresh.Count == MaxLines ? await Lines.CountAsync(l => l.TrailRoot == null, cancellationToken) : 0;
        return new StepPass(done, waiting);
    }
}

/// <summary>The sharing-trail step: grants, revocations and accesses of holder-authorised sharing.</summary>
public sealed class SharingTrailAnchoring(CertificateStore store, TrailRootAnchor anchor, LeasedDepartments leased)
    : TrailAnchoring<SharingEventRecord>(store, anchor, leased)
{
    private readonly CertificateStore _store = store;

    public override string Name => PipelineSteps.SharingTrail;

    protected override string Kind => SharingTrail.Kind;

    protected override IQueryable<SharingEventRecord> Lines => _store.SharingEvents;

    protected override IQueryable<SharingEventRecord> Oldest(IQueryable<SharingEventRecord> lines) => lines.OrderBy(e => e.At).ThenBy(e => e.Id);
}
