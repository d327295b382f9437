using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// SM2 signatures (GB/T 32918.2) over SM3 with the signer's Z value, which binds the signer's
/// identity (user id, default <c>1234567812345678</c>) and public key into the digest. Signatures
/// are DER-encoded (r, s), as in GM/T 0009 and CMS.
/// </summary>
public static class Sm2Signature
{
    public static readonly byte[] DefaultUserId = Encoding.ASCII.GetBytes("1234567812345678");

    public static byte[] Sign(ECPrivateKeyParameters privateKey, ReadOnlySpan<byte> data, byte[]? userId = null)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()), userId ?? DefaultUserId));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    public static bool Verify(ECPublicKeyParameters publicKey, ReadOnlySpan<byte> data, byte[] signature, byte[]? userId = null)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var verifier = new SM2Signer();
        verifier.Init(false, new ParametersWithID(publicKey, userId ?? DefaultUserId));
        verifier.BlockUpdate(data);
        try
        {
            return verifier.VerifySignature(signature);
        }
        catch (Exception ex) when (ex is CryptoException or ArgumentException or InvalidOperationException)
        {
            return false; // a malformed signature is simply not a valid one
        }
    }
}
