using Org.BouncyCastle.Cms;
using Org.BouncyCastle.Crypto.Operators;
using Org.BouncyCastle.X509;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// Detached CMS SignedData (the PDF adbe.pkcs7.detached form) with an SM2 signature over SM3
/// signed attributes, carrying the seal's certificate.
/// </summary>
public static class Sm2CmsSigner
{
    public static byte[] SignDetached(Sm2KeyPair seal, X509Certificate certificate, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var generator = new CmsSignedDataGenerator();
        generator.AddSignerInfoGenerator(new SignerInfoGeneratorBuilder()
            .Build(new Asn1SignatureFactory(SealCertificate.SignatureAlgorithm, seal.PrivateKey), certificate));
        generator.AddCertificate(certificate);
        return generator.Generate(new CmsProcessableByteArray(content), encapsulate: false).GetEncoded();
    }
}
