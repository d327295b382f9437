using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Sharing;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

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

        var tree = MerkleTree.Build(new MerkleHasher(Sm3HashFunction.Instance), entries.Select(e => e.EntryHash).ToList());
        var (transaction, block) = await anchor.AnchorAsync(tree.Root, DataTrail.Kind, entries.Count, cancellationToken);
        for (var i = 0; i < entries.Count; i++)
        {
            entries[i].TrailRoot = tree.Root;
            entries[i].TrailIndex = i;
            entries[i].TrailSize = entries.Count;
            entries[i].TrailProof = tree.ProveInclusion(i).Path.SelectMany(p => p).ToArray();
            entries[i].TrailTransaction = transaction;
            entries[i].TrailBlock = (long)block;
        }

        await store.SaveChangesAsync(cancellationToken);
        return entries.Count;
    }
}
