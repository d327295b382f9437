using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Math;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// The X.509 certificate a seal signs with: self-issued over the seal's key, in the seal's suite
/// (SM3withSM2, or SHA256withECDSA on P-256). Trust
/// in it does not come from a CA chain but from SealRegistry, which holds the hash of the same
/// public key, the owner and the validity window on chain.
/// </summary>
public static class SealCertificate
{
    public static X509Certificate Create(SealKeyPair seal, string sealCode, string departmentCode, DateTimeOffset validFrom, DateTimeOffset validUntil)
    {
        ArgumentNullException.ThrowIfNull(seal);
        var subject = new X509Name($"CN={sealCode},O={departmentCode},OU=Electronic Seal,C=CN");
        var generator = new X509V3CertificateGenerator();
        generator.SetSerialNumber(new BigInteger(1, SecureRandom.GetNextBytes(new SecureRandom(), 16)));
        generator.SetIssuerDN(subject);
        generator.SetSubjectDN(subject);
        generator.SetNotBefore(validFrom.UtcDateTime);
        generator.SetNotAfter(validUntil.UtcDateTime);
        generator.SetPublicKey(seal.PublicKey);
        generator.AddExtension(X509Extensions.KeyUsage, true, new KeyUsage(KeyUsage.DigitalSignature | KeyUsage.NonRepudiation));
        return generator.Generate(seal.SignatureFactory());
    }
}
