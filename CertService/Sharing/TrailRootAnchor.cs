using TrustLedger.CertService.Departments;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// Anchors the Merkle root of a batch of audit-trail lines in AuditTrail with governance's
/// recorder key. A root already on chain (sent before a crash, or by a racing instance) is
/// recorded from the chain instead of sent again.
/// </summary>
public sealed class TrailRootAnchor(AuditTrailClient trail, GovernanceSender governance)
{
    /// <summary>Builds the SM3 tree over the lines' leaf hashes, anchors its root, and records each line's place and proof (the caller saves).</summary>
    public async Task AnchorLinesAsync<T>(IReadOnlyList<T> lines, string kind, CancellationToken cancellationToken)
        where T : Storage.IAnchoredTrailLine
    {
        ArgumentNullException.ThrowIfNull(lines);
        var tree = Ledger.Merkle.MerkleTree.Build(new Ledger.Merkle.MerkleHasher(Sm3HashFunction.Instance), lines.Select(l => l.EntryHash).ToList());
        var (transaction, block) = await AnchorAsync(tree.Root, kind, lines.Count, cancellationToken);
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i].TrailRoot = tree.Root;
            lines[i].TrailIndex = i;
            lines[i].TrailSize = lines.Count;
            lines[i].TrailProof = tree.ProveInclusion(i).Path.SelectMany(p => p).ToArray();
            lines[i].TrailTransaction = transaction;
            lines[i].TrailBlock = (long)block;
        }
    }

    public async Task<(string? Transaction, ulong Block)> AnchorAsync(byte[] root, string kind, int count, CancellationToken cancellationToken)
    {
        if (await trail.GetAsync(root) is { } existing)
        {
            return (null, existing.BlockNumber);
        }

        var sender = await governance.SenderAsync(cancellationToken);
        var outcome = await trail.AnchorAsync(sender, root, kind, (uint)count, HashAlgorithmId.Sm3, cancellationToken);
        if (outcome.Succeeded)
        {
            return (outcome.TransactionHash, outcome.BlockNumber!.Value);
        }

        return await trail.GetAsync(root) is { } raced
            ? (null, raced.BlockNumber)
            : throw new InvalidOperationException($"AuditTrail refused the {kind} root: {outcome.Revert?.Description}");
    }
}
