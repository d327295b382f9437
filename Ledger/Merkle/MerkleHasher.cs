using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Merkle;

/// <summary>
/// RFC 9162 section 2.1.1 domain separation: a leaf is H(0x00 || data), an interior node is
/// H(0x01 || left || right), so no leaf can be passed off as a node and vice versa.
/// </summary>
public sealed class MerkleHasher(IHashFunction hash)
{
    private const byte LeafPrefix = 0x00;
    private const byte NodePrefix = 0x01;

    public IHashFunction Hash { get; } = hash;

    public byte[] HashLeaf(ReadOnlySpan<byte> data)
    {
        var buffer = data.Length <= 1024 ? stackalloc byte[data.Length + 1] : new byte[data.Length + 1];
        buffer[0] = LeafPrefix;
        data.CopyTo(buffer[1..]);
        return Hash.Hash(buffer);
    }

    public byte[] HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        var result = new byte[HashFunctions.DigestSize];
        HashChildren(left, right, result);
        return result;
    }

    public void HashChildren(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right, Span<byte> destination)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * HashFunctions.DigestSize)];
        buffer[0] = NodePrefix;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + HashFunctions.DigestSize)..]);
        Hash.Hash(buffer, destination);
    }
}
