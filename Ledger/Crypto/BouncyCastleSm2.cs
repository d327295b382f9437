using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// SM2 signatures in BouncyCastle: the reference implementation. <see cref="Sm2Signature"/> uses it
/// where libcrypto is missing, and tests check that it and libcrypto accept each other's signatures.
/// </summary>
public static class BouncyCastleSm2
{
    public static byte[] Sign(ECPrivateKeyParameters privateKey, ReadOnlySpan<byte> data, byte[] userId)
    {
        var signer = new SM2Signer();
        signer.Init(true, new ParametersWithID(new ParametersWithRandom(privateKey, new SecureRandom()), userId));
        signer.BlockUpdate(data);
        return signer.GenerateSignature();
    }

    public static bool Verify(ECPublicKeyParameters publicKey, ReadOnlySpan<byte> data, byte[] signature, byte[] userId)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var verifier = new SM2Signer();
        verifier.Init(false, new ParametersWithID(publicKey, userId));
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
