using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// A dataset version's leaf hashes on disk, 32 bytes each in row order. Inclusion proofs are
/// computed from it by streaming (RFC 9162 PATH over subtree roots of contiguous ranges), so a
/// proof for one row of a million costs one read of the file and no more memory than a few hashes.
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

    /// <summary>MTH of the leaves [start, start + size), streamed from the file.</summary>
    public byte[] RangeRoot(long start, long size)
    {
        var root = new StreamingMerkleRoot(hasher);
        using var stream = new BufferedStream(File.OpenRead(path), 1 << 16);
        stream.Position = start * HashFunctions.DigestSize;
        for (long i = 0; i < size; i++)
        {
            var leaf = new byte[HashFunctions.DigestSize];
            stream.ReadExactly(leaf);
            root.Add(leaf);
        }

        return root.Root()!;
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
