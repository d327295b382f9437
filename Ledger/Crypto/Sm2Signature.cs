using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using TrustLedger.Ledger.Crypto.OpenSsl;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// SM2 signatures (GB/T 32918.2) over SM3 with the signer's Z value, which binds the signer's
/// identity (user id, default <c>1234567812345678</c>) and public key into the digest. Signatures
/// are DER-encoded (r, s), as in GM/T 0009 and CMS. Computed by libcrypto (OpenSSL 3) where it
/// loads, by <see cref="BouncyCastleSm2"/> otherwise; the two are interchangeable and cross-checked.
/// </summary>
public static class Sm2Signature
{
    public static readonly byte[] DefaultUserId = Encoding.ASCII.GetBytes("1234567812345678");

    /// <summary>Which implementation signs and verifies in this process: <c>OpenSSL</c> or <c>BouncyCastle</c>.</summary>
    public static string Implementation => LibCrypto.IsAvailable ? "OpenSSL" : "BouncyCastle";

    public static byte[] Sign(ECPrivateKeyParameters privateKey, ReadOnlySpan<byte> data, byte[]? userId = null) =>
        LibCrypto.IsAvailable
            ? OpenSslSm2.Sign(privateKey, data, userId ?? DefaultUserId)
            : BouncyCastleSm2.Sign(privateKey, data, userId ?? DefaultUserId);

    public static bool Verify(ECPublicKeyParameters publicKey, ReadOnlySpan<byte> data, byte[] signature, byte[]? userId = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        return LibCrypto.IsAvailable
            ? OpenSslSm2.Verify(publicKey, data, signature, userId ?? DefaultUserId)
            : BouncyCastleSm2.Verify(publicKey, data, signature, userId ?? DefaultUserId);
    }

    /// <summary>Verifies with a public key given as its uncompressed point (0x04 ‖ x ‖ y); false when the point is not on the curve.</summary>
    public static bool Verify(byte[] publicKeyPoint, ReadOnlySpan<byte> data, byte[] signature, byte[]? userId = null)
    {
        ArgumentNullException.ThrowIfNull(publicKeyPoint);
        ArgumentNullException.ThrowIfNull(signature);
        try
        {
            return LibCrypto.IsAvailable
                ? OpenSslSm2.Verify(OpenSslKey.OfPoint(publicKeyPoint), data, signature, userId ?? DefaultUserId)
                : BouncyCastleSm2.Verify(Sm2KeyPair.PublicKeyFrom(publicKeyPoint), data, signature, userId ?? DefaultUserId);
        }
        catch (ArgumentException)
        {
            return false; // not a point on the curve: no signature can verify under it
        }
    }
}
