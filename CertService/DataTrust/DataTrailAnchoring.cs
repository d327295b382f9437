using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Sharing;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.DataTrust;

/// <summary>A step of each anchoring round: the data-trail entries not yet anchored become one tree whose root goes to AuditTrail.</summary>
public sealed class DataTrailAnchoring(CertificateStore store, TrailRootAnchor anchor)
{
    public const int MaxEntries = 1000;

    public async Task<int> AnchorWaitingAsync(CancellationToken cancellationToken)
    {
        var entries = await store.DataTrail.Where(e => e.TrailRoot == null).OrderBy(e => e.At).ThenBy(e => e.Id).Take(MaxEntries).ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return 0;
        }

        await anchor.AnchorLinesAsync(entries, DataTrail.Kind, cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        return entries.Count;
    }
}
