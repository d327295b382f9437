using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Sharing;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.DataTrust;

/// <summary>The data-trail step: requests, decisions and deliveries of shared data, anchored in AuditTrail.</summary>
public sealed class DataTrailAnchoring(CertificateStore store, TrailRootAnchor anchor, LeasedDepartments leased)
    : TrailAnchoring<DataTrailEntryRecord>(store, anchor, leased)
{
    private readonly CertificateStore _store = store;

    public override string Name => PipelineSteps.DataTrail;

    protected override string Kind => DataTrail.Kind;

    protected override IQueryable<DataTrailEntryRecord> Lines => _store.DataTrail;

    protected override IQueryable<DataTrailEntryRecord> Oldest(IQueryable<DataTrailEntryRecord> lines) => lines.OrderBy(e => e.At).ThenBy(e => e.Id);
}
