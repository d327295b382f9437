namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// The RFC 9162 root of a sequence of leaf hashes seen one at a time, in memory logarithmic in the
/// count: a stack of the roots of complete subtrees (like a binary counter). Folding the stack from
/// the right at the end gives exactly MTH(D[0:n]), because RFC 9162 splits every tree at the
/// largest power of two below its size. Used for million-row datasets that are never held whole.
/// </summary>
public sealed class StreamingMerkleRoot(MerkleHasher hasher)
{
    private readonly List<(byte[] Hash, long Size)> _stack = [];

    public long Count { get; private set; }

    public void Add(byte[] leafHash)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        var hash = leafHash;
        long size = 1;
        while (_stack.Count > 0 && _stack[^1].Size == size)
        {
            hash = hasher.HashChildren(_stack[^1].Hash, hash);
            size *= 2;
            _stack.RemoveAt(_stack.Count - 1);
        }

        _stack.Add((hash, size));
        Count++;
    }

    /// <summary>The root of everything added so far; null for no leaves.</summary>
    public byte[]? Root()
    {
        if (_stack.Count == 0)
        {
            return null;
        }

        var root = _stack[^1].Hash;
        for (var i = _stack.Count - 2; i >= 0; i--)
        {
            root = hasher.HashChildren(_stack[i].Hash, root);
        }

        return root;
    }
}
