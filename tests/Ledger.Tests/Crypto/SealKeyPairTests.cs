using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Cms;
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
}
