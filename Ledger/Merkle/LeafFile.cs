using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// A dataset version's leaf hashes on disk, 32 bytes each in row order. Inclusion proofs are
/// computed from it (RFC 9162 PATH over subtree roots of contiguous ranges) with the help of the
/// roots of its 1,024-leaf blocks, so a proof for one row of a million reads a few blocks, not the file.
/// </summary>
public sealed class LeafFile(string path, MerkleHasher hasher)
{
    public string Path => path;

    public long Count => new FileInfo(path).Length / HashFunctions.DigestSize;

    public byte[] Leaf(long index)
    {
        using var stream = File.OpenRead(path);
        stream.Position = index * HashFunctions.DigestSize;
        var leaf = new byte[HashFunctions.DigestSize];
        stream.ReadExactly(leaf);
        return leaf;
    }

    /// <summary>The audit path for <paramref name="index"/>, leaf-side first, as <see cref="InclusionProofVerifier"/> expects.</summary>
    public InclusionProof Prove(long index)
    {
        var count = Count;
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, count);
        var path = new List<byte[]>();
        AuditPath(index, 0, count, path);
        return new InclusionProof(index, count, path);
    }

    // RFC 9162 2.1.3.1: PATH(m, D[n]) = PATH(m, D[0:k]) : MTH(D[k:n]) or PATH(m - k, D[k:n]) : MTH(D[0:k]).
    private void AuditPath(long m, long start, long size, List<byte[]> path)
    {
        if (size <= 1)
        {
            return;
        }

        var k = LargestPowerOfTwoBelow(size);
        if (m < k)
        {
            AuditPath(m, start, k, path);
            path.Add(RangeRoot(start + k, size - k));
        }
        else
        {
            AuditPath(m - k, start + k, size - k, path);
            path.Add(RangeRoot(start, k));
        }
    }

    /// <summary>
    /// MTH of the leaves [start, start + size). Aligned perfect subtrees of at least
    /// <see cref="BlockLeaves"/> leaves come from the block roots (the root of every full block of
    /// 1,024 leaves, kept beside the leaf file and made once, on first use); the rest is at most a
    /// block's worth of leaves per level. A proof costs O(log n) blocks, not a pass over the file.
    /// </summary>
    public byte[] RangeRoot(long start, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(start);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        using var leaves = File.OpenRead(path);
        var blocks = size > BlockLeaves ? BlockRoots() : null;
        return Mth(leaves, blocks, start, size);
    }

    /// <summary>Leaves per block root.</summary>
    public const int BlockLeaves = 1024;

    /// <summary>What the block roots' file adds to the leaf file's name.</summary>
    public const string BlockRootsSuffix = ".blocks";

    private string BlockRootsPath => path + BlockRootsSuffix;

    private byte[] Mth(FileStream leaves, byte[]? blocks, long start, long size)
    {
        if (blocks is not null && size >= BlockLeaves && (size & (size - 1)) == 0 && start % BlockLeaves == 0)
        {
            return PerfectRoot(blocks, start / BlockLeaves, size / BlockLeaves);
        }

        if (size <= BlockLeaves)
        {
            return StreamedRoot(leaves, start, size);
        }

        var k = LargestPowerOfTwoBelow(size);
        return hasher.HashChildren(Mth(leaves, blocks, start, k), Mth(leaves, blocks, start + k, size - k));
    }

    // The root of 2^j consecutive block roots: a perfect tree, so halves all the way down.
    private byte[] PerfectRoot(byte[] blocks, long first, long count)
    {
        var level = new List<byte[]>((int)count);
        for (var i = first; i < first + count; i++)
        {
            level.Add(blocks.AsSpan((int)(i * HashFunctions.DigestSize), HashFunctions.DigestSize).ToArray());
        }

        while (level.Count > 1)
        {
            var next = new List<byte[]>(level.Count / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(hasher.HashChildren(level[i], level[i + 1]));
            }

            level = next;
        }

        return level[0];
    }

    private byte[] StreamedRoot(FileStream leaves, long start, long size)
    {
        var root = new StreamingMerkleRoot(hasher);
        leaves.Position = start * HashFunctions.DigestSize;
        var buffer = new byte[size * HashFunctions.DigestSize];
        leaves.ReadExactly(buffer);
        for (long i = 0; i < size; i++)
        {
            root.Add(buffer.AsSpan((int)(i * HashFunctions.DigestSize), HashFunctions.DigestSize).ToArray());
        }

        return root.Root()!;
    }

    /// <summary>The roots of the file's full blocks, 32 bytes each; computed in one pass and kept the first time they are needed.</summary>
    private byte[] BlockRoots()
    {
        var full = Count / BlockLeaves;
        if (File.Exists(BlockRootsPath) && new FileInfo(BlockRootsPath).Length == full * HashFunctions.DigestSize)
        {
            return File.ReadAllBytes(BlockRootsPath);
        }

        var roots = new byte[full * HashFunctions.DigestSize];
        using (var leaves = new BufferedStream(File.OpenRead(path), 1 << 16))
        {
            var leaf = new byte[HashFunctions.DigestSize];
            for (long block = 0; block < full; block++)
            {
                var root = new StreamingMerkleRoot(hasher);
                for (var i = 0; i < BlockLeaves; i++)
                {
                    leaves.ReadExactly(leaf);
                    root.Add(leaf.ToArray());
                }

                root.Root()!.CopyTo(roots, block * HashFunctions.DigestSize);
            }
        }

        // Written aside and moved into place, so a reader never sees half a file; two writers write the same bytes.
        var draft = $"{BlockRootsPath}.{Guid.NewGuid():N}.tmp";
        File.WriteAllBytes(draft, roots);
        File.Move(draft, BlockRootsPath, overwrite: true);
        return roots;
    }

    private static long LargestPowerOfTwoBelow(long n)
    {
        long k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }
}
