using System.Buffers.Binary;
using System.Security.Cryptography;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Ledger.Data;

/// <summary>
/// One row of a published dataset as it is hashed: its RFC 8785 canonical JSON, and for resources
/// that hold personal data a 128-bit salt derived from the version's secret and the row number
/// (HMAC-SHA256), so a row's leaf cannot be matched against guessed contents. The leaf is
/// H(0x00 ‖ salt ‖ JCS(row)), or H(0x00 ‖ JCS(row)) for rows without personal data.
/// </summary>
public static class DatasetRow
{
    public const int SaltSize = 16;

    public static byte[] Salt(ReadOnlySpan<byte> versionSecret, long index)
    {
        Span<byte> message = stackalloc byte[12];
        "row:"u8.CopyTo(message);
        BinaryPrimitives.WriteInt64BigEndian(message[4..], index);
        return HMACSHA256.HashData(versionSecret, message)[..SaltSize];
    }

    public static byte[] Leaf(MerkleHasher hasher, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> canonicalRow)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        var data = new byte[salt.Length + canonicalRow.Length];
        salt.CopyTo(data);
        canonicalRow.CopyTo(data.AsSpan(salt.Length));
        return hasher.HashLeaf(data);
    }

    /// <summary>The unsalted content digest, kept off chain only, to tell a moved row from a changed one.</summary>
    public static byte[] ContentDigest(ReadOnlySpan<byte> canonicalRow) => Sm3HashFunction.Instance.Hash(canonicalRow);
}
