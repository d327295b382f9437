using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

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

        var tree = MerkleTree.Build(new MerkleHasher(Sm3HashFunction.Instance), events.Select(e => e.EntryHash).ToList());
        var (transaction, block) = await anchor.AnchorAsync(tree.Root, SharingTrail.Kind, events.Count, cancellationToken);
        for (var i = 0; i < events.Count; i++)
        {
            events[i].TrailRoot = tree.Root;
            events[i].TrailIndex = i;
            events[i].TrailSize = events.Count;
            events[i].TrailProof = tree.ProveInclusion(i).Path.SelectMany(p => p).ToArray();
            events[i].TrailTransaction = transaction;
            events[i].TrailBlock = (long)block;
        }

        await store.SaveChangesAsync(cancellationToken);
        return events.Count;
    }
}
