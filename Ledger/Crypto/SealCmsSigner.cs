using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;
using TrustLedger.Ledger.Hashing;
using Attribute = Org.BouncyCastle.Asn1.Cms.Attribute;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// Detached CMS SignedData (the PDF adbe.pkcs7.detached form) by a seal: SM2 over SM3, or ECDSA
/// P-256 over SHA-256, on signed attributes that carry the signing time and the GB/T 38540
/// signature fields (<see cref="SesSignatureInfo"/>), with the seal's certificate.
/// </summary>
public static class SealCmsSigner
{
    public static byte[] SignDetached(SealKeyPair seal, X509Certificate certificate, byte[] content, string sealCode, string propertyInfo, DateTimeOffset signingTime)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var info = new SesSignatureInfo(SesSignatureInfo.CurrentVersion, sealCode, signingTime, seal.Digest.Hash(content), propertyInfo);
        var attributes = new Asn1EncodableVector
        {
            new Attribute(CmsAttributes.SigningTime, new DerSet(new Time(signingTime.UtcDateTime))),
            info.ToAttribute(),
        };
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .WithSignedAttributeGenerator(new DefaultSignedAttributeTableGenerator(new AttributeTable(attributes)))
            .Build(seal.SignatureFactory(), certificate));
        generator.AddCertificate(certificate);
        return generator.Generate(new CmsProcessableByteArray(content), encapsulate: false).GetEncoded();
    }
}
