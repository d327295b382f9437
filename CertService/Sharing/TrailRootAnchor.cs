using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// Anchors the Merkle roots of audit-trail lines in AuditTrail with governance's recorder key, in
/// two steps as certificate batches are: <see cref="Prepare{T}"/> fixes each line's place in the
/// tree (the caller commits), then <see cref="AnchorPreparedAsync{T}"/> sends the root and records
/// the block. A root already on chain (sent before a crash, or by a racing instance) is recorded
/// from the chain instead of sent again, and a crash between the two steps resumes with the same root.
/// </summary>
public sealed class TrailRootAnchor(AuditTrailClient trail, GovernanceSender governance)
{
    /// <summary>Builds the SM3 tree over the lines' leaf hashes and records each line's root, index, size and proof (not yet anchored).</summary>
    public static void Prepare<T>(IReadOnlyList<T> lines)
        where T : IAnchoredTrailLine
    {
        ArgumentNullException.ThrowIfNull(lines);
        var tree = Ledger.Merkle.MerkleTree.Build(new Ledger.Merkle.MerkleHasher(Sm3HashFunction.Instance), lines.Select(l => l.EntryHash).ToList());
        for (var i = 0; i < lines.Count; i++)
        {
            lines[i].TrailRoot = tree.Root;
            lines[i].TrailIndex = i;
            lines[i].TrailSize = lines.Count;
            lines[i].TrailProof = tree.ProveInclusion(i).Path.SelectMany(p => p).ToArray();
        }
    }

    /// <summary>Anchors the root the lines were prepared under and records the transaction and block on each (the caller saves).</summary>
    public async Task AnchorPreparedAsync<T>(IReadOnlyList<T> lines, string kind, CancellationToken cancellationToken)
        where T : IAnchoredTrailLine
    {
        ArgumentNullException.ThrowIfNull(lines);
        var (transaction, block) = await AnchorAsync(lines[0].TrailRoot!, kind, lines.Count, cancellationToken);
        foreach (var line in lines)
        {
            line.TrailTransaction = transaction;
            line.TrailBlock = (long)block;
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
