using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Math;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.Tests.Ledger.Crypto;

public class SealKeyPairTests
{
    [Theory]
    [InlineData(SealKeyPair.Sm2Sm3, "1.2.156.10197.1.401")]
    [InlineData(SealKeyPair.EcdsaP256Sha256, "2.16.840.1.101.3.4.2.1")]
    public void Each_suite_signs_a_detached_CMS_with_its_digest_and_the_GB_T_38540_fields_signed(string suite, string digestOid)
    {
        var seal = SealKeyPair.Generate(suite);
        var now = DateTimeOffset.UtcNow;
        var certificate = SealCertificate.Create(seal, "XA-TEST-0001", "11610100MB29570176", now.AddDays(-1), now.AddYears(1));
        var content = "%PDF-1.7 example bytes"u8.ToArray();

        var cms = new CmsSignedData(new CmsProcessableByteArray(content), SealCmsSigner.SignDetached(seal, certificate, content, "XA-TEST-0001", "certificate:X", now));

        var signer = cms.GetSignerInfos().GetSigners().Single();
        Assert.Equal(digestOid, signer.DigestAlgorithmID.Algorithm.Id);
        Assert.True(signer.Verify(seal.PublicKey));
        var ses = SesSignatureInfo.From(signer.SignedAttributes);
        Assert.NotNull(ses);
        Assert.Equal("XA-TEST-0001", ses.ESealId);
        Assert.Equal("certificate:X", ses.PropertyInfo);
        Assert.Equal(seal.Digest.Hash(content), ses.DataHash);
        Assert.Equal(signer.GetContentDigest(), ses.DataHash);
        Assert.Equal(suite, SealKeyPair.SuiteOf(seal.PublicKey));
        Assert.Equal(seal.PublicKeyBytes, SealKeyPair.FromPrivateKey(suite, seal.PrivateKeyBytes()).PublicKeyBytes);
    }

    [Fact]
    public void Changing_the_signed_seal_fields_breaks_the_signature()
    {
        var seal = SealKeyPair.Generate(SealKeyPair.Sm2Sm3);
        var now = DateTimeOffset.UtcNow;
        var certificate = SealCertificate.Create(seal, "XA-TEST-0002", "11610100MB29570176", now, now.AddYears(1));
        var content = "bytes"u8.ToArray();
        var der = SealCmsSigner.SignDetached(seal, certificate, content, "XA-TEST-0002", "certificate:Y", now);
        var at = Convert.ToHexString(der).LastIndexOf(Convert.ToHexString("XA-TEST-0002"u8), StringComparison.Ordinal) / 2; // the SES attribute comes after the certificate
        der[at + 11] = (byte)'3'; // XA-TEST-0003 in the SES attribute

        var signer = new CmsSignedData(new CmsProcessableByteArray(content), der).GetSignerInfos().GetSigners().Single();

        Assert.Equal("XA-TEST-0003", SesSignatureInfo.From(signer.SignedAttributes)?.ESealId);
        Assert.False(signer.Verify(seal.PublicKey));
    }

    [Fact]
    public void An_unknown_suite_is_refused()
    {
        Assert.False(SealKeyPair.IsKnown("RSA-2048"));
        Assert.Throws<ArgumentException>(() => SealKeyPair.Generate("RSA-2048"));
    }

    [Theory]
    [InlineData(SealKeyPair.EcdsaP256Sha256)]
    [InlineData(SealKeyPair.Sm2Sm3)]
    public void A_key_whose_explicit_parameters_swap_the_generator_for_the_victims_point_belongs_to_no_suite(string suite)
    {
        var victim = SealKeyPair.Generate(suite);
        var standard = victim.PublicKey.Parameters;
        // CurveBall: the right field, a and b, but G = the victim's public point, so private key 1 "owns" that point.
        var forgedDomain = new ECDomainParameters(standard.Curve, victim.PublicKey.Q, standard.N, standard.H);
        var forged = new ECPublicKeyParameters(victim.PublicKey.Q, forgedDomain);
        var explicitButStandard = new ECPublicKeyParameters(victim.PublicKey.Q, new ECDomainParameters(standard.Curve, standard.G, standard.N, standard.H));

        Assert.Null(SealKeyPair.SuiteOf(forged));
        Assert.Null(SealKeyPair.Standardised(forged));
        Assert.Equal(suite, SealKeyPair.SuiteOf(explicitButStandard));
        Assert.Equal(victim.PublicKeyBytes, SealKeyPair.Standardised(explicitButStandard)!.Q.GetEncoded(false));
        Assert.Null(SealKeyPair.SuiteOf(new ECPublicKeyParameters(victim.PublicKey.Q, new ECDomainParameters(standard.Curve, standard.G, standard.N, BigInteger.Two))));
    }

    [Fact]
    public void A_signature_made_under_a_swapped_generator_verifies_only_under_the_attackers_parameters_never_the_standard_ones()
    {
        var victim = SealKeyPair.Generate(SealKeyPair.EcdsaP256Sha256);
        var standard = victim.PublicKey.Parameters;
        var forgedDomain = new ECDomainParameters(standard.Curve, victim.PublicKey.Q, standard.N, standard.H);
        var hash = System.Security.Cryptography.SHA256.HashData("forged document"u8);
        var signer = new ECDsaSigner();
        signer.Init(true, new ECPrivateKeyParameters(BigInteger.One, forgedDomain));
        var signature = signer.GenerateSignature(hash);

        var underForged = new ECDsaSigner();
        underForged.Init(false, new ECPublicKeyParameters(victim.PublicKey.Q, forgedDomain));
        var underStandard = new ECDsaSigner();
        underStandard.Init(false, SealKeyPair.Standardised(victim.PublicKey)!);

        Assert.True(underForged.VerifySignature(hash, signature[0], signature[1])); // what a curve-only check would accept
        Assert.False(underStandard.VerifySignature(hash, signature[0], signature[1]));
    }
}
