using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;

namespace TrustLedger.Ledger.Crypto;

/// <summary>An SM2 key pair on the recommended curve sm2p256v1 (GB/T 32918.5).</summary>
public sealed class Sm2KeyPair
{
    public static readonly ECDomainParameters Curve = new(GMNamedCurves.GetByName("sm2p256v1"));

    private Sm2KeyPair(ECPrivateKeyParameters privateKey, ECPublicKeyParameters publicKey)
    {
        PrivateKey = privateKey;
        PublicKey = publicKey;
    }

    public ECPrivateKeyParameters PrivateKey { get; }

    public ECPublicKeyParameters PublicKey { get; }

    /// <summary>The public key as an uncompressed point (0x04 ‖ x ‖ y, 65 bytes).</summary>
    public byte[] PublicKeyBytes => PublicKey.Q.GetEncoded(false);

    public static Sm2KeyPair Generate()
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(Curve, new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        return new Sm2KeyPair((ECPrivateKeyParameters)pair.Private, (ECPublicKeyParameters)pair.Public);
    }

    public static Sm2KeyPair FromPrivateKey(ReadOnlySpan<byte> d)
    {
        var privateKey = new ECPrivateKeyParameters(new BigInteger(1, d.ToArray()), Curve);
        return new Sm2KeyPair(privateKey, new ECPublicKeyParameters(Curve.G.Multiply(privateKey.D).Normalize(), Curve));
    }

    public static ECPublicKeyParameters PublicKeyFrom(ReadOnlySpan<byte> uncompressedPoint) =>
        new(Curve.Curve.DecodePoint(uncompressedPoint.ToArray()), Curve);

    /// <summary>The 32-byte private scalar, for the keystore only.</summary>
    public byte[] PrivateKeyBytes() => PrivateKey.D.ToByteArrayUnsigned().PadLeft(32);
}

internal static class ByteArrayPadding
{
    public static byte[] PadLeft(this byte[] value, int length)
    {
        if (value.Length >= length)
        {
            return value;
        }

        var padded = new byte[length];
        value.CopyTo(padded, length - value.Length);
        return padded;
    }
}
