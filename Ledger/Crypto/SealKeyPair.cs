using Org.BouncyCastle.Asn1.GM;
using Org.BouncyCastle.Asn1.Sec;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// An electronic seal's key pair in one of two signature suites: <c>SM2-SM3</c> (the GM suite of
/// GB/T 38540, default) or <c>ECDSA-P256-SHA256</c> (for interoperability with PDF readers that do
/// not know SM2). The suite fixes the curve, the digest and the X.509/CMS signature algorithm.
/// </summary>
public sealed class SealKeyPair
{
    public const string Sm2Sm3 = "SM2-SM3";
    public const string EcdsaP256Sha256 = "ECDSA-P256-SHA256";

    private static readonly ECDomainParameters Sm2Curve = new(GMNamedCurves.GetByName("sm2p256v1"));
    private static readonly ECDomainParameters P256Curve = new(SecNamedCurves.GetByName("secp256r1"));

    private SealKeyPair(string suite, ECPrivateKeyParameters privateKey)
    {
        Suite = suite;
        PrivateKey = privateKey;
        PublicKey = new ECPublicKeyParameters(privateKey.Parameters.G.Multiply(privateKey.D).Normalize(), privateKey.Parameters);
    }

    public string Suite { get; }

    public ECPrivateKeyParameters PrivateKey { get; }

    public ECPublicKeyParameters PublicKey { get; }

    /// <summary>The public key as an uncompressed point (65 bytes); SealRegistry holds its SM3 hash.</summary>
    public byte[] PublicKeyBytes => PublicKey.Q.GetEncoded(false);

    /// <summary>The BouncyCastle name of the signature algorithm for certificates and CMS.</summary>
    public string SignatureAlgorithm => Suite == Sm2Sm3 ? "SM3WITHSM2" : "SHA256WITHECDSA";

    /// <summary>The signer BouncyCastle's CMS and certificate builders use: SM2 through <see cref="Sm2Signature"/>, ECDSA in BouncyCastle.</summary>
    public Org.BouncyCastle.Crypto.ISignatureFactory SignatureFactory() =>
        Suite == Sm2Sm3 ? new Sm2SignatureFactory(PrivateKey) : new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory(SignatureAlgorithm, PrivateKey);

    /// <summary>The digest the suite signs over (the CMS message digest and the SES data hash).</summary>
    public IHashFunction Digest => Suite == Sm2Sm3 ? Sm3HashFunction.Instance : HashFunctions.ByName("SHA-256");

    public static bool IsKnown(string? suite) => suite is Sm2Sm3 or EcdsaP256Sha256;

    /// <summary>
    /// The suite a public key belongs to, by its full domain parameters (field, a, b, generator,
    /// order and cofactor); null for anything else. A key with explicit parameters that name the
    /// right curve but another generator (CVE-2020-0601, "CurveBall": G set to the victim's public
    /// point, private key 1) would otherwise verify a forged signature as the victim's.
    /// </summary>
    public static string? SuiteOf(ECPublicKeyParameters publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return SameDomain(publicKey.Parameters, Sm2Curve) ? Sm2Sm3 : SameDomain(publicKey.Parameters, P256Curve) ? EcdsaP256Sha256 : null;
    }

    /// <summary>The key's point under its suite's standard domain parameters (none of the caller's), or null when it is on no known curve.</summary>
    public static ECPublicKeyParameters? Standardised(ECPublicKeyParameters publicKey) =>
        SuiteOf(publicKey) is { } suite ? new ECPublicKeyParameters(CurveOf(suite).Curve.DecodePoint(publicKey.Q.GetEncoded(false)), CurveOf(suite)) : null;

    private static bool SameDomain(ECDomainParameters candidate, ECDomainParameters standard) =>
        candidate.Curve.Equals(standard.Curve) && !candidate.G.IsInfinity
        && candidate.G.Normalize().AffineXCoord.ToBigInteger().Equals(standard.G.Normalize().AffineXCoord.ToBigInteger())
        && candidate.G.Normalize().AffineYCoord.ToBigInteger().Equals(standard.G.Normalize().AffineYCoord.ToBigInteger())
        && candidate.N.Equals(standard.N)
        && candidate.H.Equals(standard.H);

    public static SealKeyPair Generate(string suite)
    {
        var generator = new ECKeyPairGenerator();
        generator.Init(new ECKeyGenerationParameters(CurveOf(suite), new SecureRandom()));
        return new SealKeyPair(suite, (ECPrivateKeyParameters)generator.GenerateKeyPair().Private);
    }

    public static SealKeyPair FromPrivateKey(string suite, ReadOnlySpan<byte> d) =>
        new(suite, new ECPrivateKeyParameters(new BigInteger(1, d.ToArray()), CurveOf(suite)));

    public static SealKeyPair From(Sm2KeyPair sm2)
    {
        ArgumentNullException.ThrowIfNull(sm2);
        return new SealKeyPair(Sm2Sm3, sm2.PrivateKey);
    }

    /// <summary>A public key of the suite from its uncompressed point (0x04 ‖ x ‖ y); throws when it is not on the curve.</summary>
    public static ECPublicKeyParameters PublicKeyFrom(string suite, byte[] uncompressedPoint)
    {
        var curve = CurveOf(suite);
        return new ECPublicKeyParameters(curve.Curve.DecodePoint(uncompressedPoint), curve);
    }

    /// <summary>The 32-byte private scalar, for the keystore only.</summary>
    public byte[] PrivateKeyBytes() => PrivateKey.D.ToByteArrayUnsigned().PadLeft(32);

    private static ECDomainParameters CurveOf(string suite) => suite switch
    {
        Sm2Sm3 => Sm2Curve,
        EcdsaP256Sha256 => P256Curve,
        _ => throw new ArgumentException($"unknown seal signature suite {suite}; use {Sm2Sm3} or {EcdsaP256Sha256}", nameof(suite)),
    };
}
