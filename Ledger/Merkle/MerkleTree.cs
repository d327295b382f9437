namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// An RFC 9162 Merkle tree over leaf hashes, kept level by level so that every inclusion proof is
/// read off without hashing again. An odd node at the end of a level is carried up unchanged,
/// which yields exactly RFC 9162's left-balanced tree (split at the largest power of two below n).
/// </summary>
public sealed class MerkleTree
{
    private readonly List<byte[][]> _levels;

    private MerkleTree(List<byte[][]> levels) => _levels = levels;

    public long Size => _levels[0].Length;

    public byte[] Root => _levels[^1][0];

    /// <summary>Builds the tree over leaf hashes (each already H(0x00 || data)).</summary>
    public static MerkleTree Build(MerkleHasher hasher, IReadOnlyList<byte[]> leafHashes)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        ArgumentNullException.ThrowIfNull(leafHashes);
        if (leafHashes.Count == 0)
        {
            throw new ArgumentException("a Merkle tree needs at least one leaf", nameof(leafHashes));
        }

        var levels = new List<byte[][]> { leafHashes.ToArray() };
        while (levels[^1].Length > 1)
        {
            var below = levels[^1];
            var above = new byte[(below.Length + 1) / 2][];
            for (var i = 0; i < above.Length; i++)
            {
                var left = 2 * i;
                above[i] = left + 1 < below.Length ? hasher.HashChildren(below[left], below[left + 1]) : below[left];
            }

            levels.Add(above);
        }

        return new MerkleTree(levels);
    }

    public InclusionProof ProveInclusion(long leafIndex)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(leafIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(leafIndex, Size);
        var path = new List<byte[]>();
        var index = leafIndex;
        for (var level = 0; level < _levels.Count - 1; level++)
        {
            var nodes = _levels[level];
            var sibling = index ^ 1;
            if (sibling < nodes.Length)
            {
                path.Add(nodes[sibling]);
            }

            index >>= 1;
        }

        return new InclusionProof(leafIndex, Size, path);
    }
}
