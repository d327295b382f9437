using System.Text.Json;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.Ledger.Bundles;

/// <summary>
/// The one definition of a certificate's Merkle leaf: H(0x00 || salt || JCS(certificate)).
/// The 128-bit random salt comes first so that the leaf (and the root above it) cannot be matched
/// against guessed certificate contents: the chain learns nothing about the holder.
/// </summary>
public static class CertificateLeaf
{
    public const int SaltSize = 16;

    public static byte[] Hash(MerkleHasher hasher, ReadOnlySpan<byte> salt, JsonElement certificate) =>
        Hash(hasher, salt, JsonCanonicalizer.Canonicalize(certificate));

    public static byte[] Hash(MerkleHasher hasher, ReadOnlySpan<byte> salt, ReadOnlySpan<byte> canonicalCertificate)
    {
        ArgumentNullException.ThrowIfNull(hasher);
        if (salt.Length != SaltSize)
        {
            throw new ArgumentException($"a certificate salt is {SaltSize} bytes", nameof(salt));
        }

        var data = new byte[salt.Length + canonicalCertificate.Length];
        salt.CopyTo(data);
        canonicalCertificate.CopyTo(data.AsSpan(salt.Length));
        return hasher.HashLeaf(data);
    }
}
