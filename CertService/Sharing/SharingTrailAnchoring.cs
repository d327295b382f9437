using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// The last step of each anchoring round: the sharing events not yet anchored, oldest first, become
/// one Merkle tree whose root governance anchors in AuditTrail; each event keeps its proof. A root
/// already on chain (sent before a crash) is recorded from the chain instead of sent twice.
/// </summary>
public sealed class SharingTrailAnchoring(CertificateStore store, TrailRootAnchor anchor)
{
    public const int MaxEvents = 1000;

    /// <summary>Anchors one batch of waiting events; returns how many it anchored.</summary>
    public async Task<int> AnchorWaitingAsync(CancellationToken cancellationToken)
    {
        var events = await store.SharingEvents
            .Where(e => e.TrailRoot == null)
            .OrderBy(e => e.At)
            .ThenBy(e => e.Id)
            .Take(MaxEvents)
            .ToListAsync(cancellationToken);
        if (events.Count == 0)
        {
            return 0;
        }

        await anchor.AnchorLinesAsync(events, SharingTrail.Kind, cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        return events.Count;
    }
}
