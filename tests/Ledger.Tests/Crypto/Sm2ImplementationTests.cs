using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Xunit;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Tests.Ledger.Crypto;

/// <summary>
/// libcrypto (the fast path) and BouncyCastle (the reference) are interchangeable: each accepts the
/// other's signatures and both refuse the same forgeries.
/// </summary>
public class Sm2ImplementationTests
{
    private static readonly Sm2KeyPair Seal = Sm2KeyPair.Generate();
    private static readonly Sm2KeyPair Other = Sm2KeyPair.Generate();

    [Fact]
    public void This_machine_signs_with_libcrypto()
    {
        // The test and CI machines have OpenSSL 3; a fallback here would hide a fourfold slowdown.
        Assert.Equal("OpenSSL", Sm2Signature.Implementation);
    }

    [Property(MaxTest = 60)]
    public bool Each_implementation_accepts_the_others_signatures(byte[] data, NonEmptyString userId)
    {
        var id = Encoding.UTF8.GetBytes(userId.Get);
        var ours = Sm2Signature.Sign(Seal.PrivateKey, data, id);
        var reference = BouncyCastleSm2.Sign(Seal.PrivateKey, data, id);
        return BouncyCastleSm2.Verify(Seal.PublicKey, data, ours, id)
            && Sm2Signature.Verify(Seal.PublicKey, data, reference, id)
            && Sm2Signature.Verify(Seal.PublicKey, data, ours, id);
    }

    [Fact]
    public void Both_refuse_a_changed_message_another_key_another_user_id_and_garbage()
    {
        var data = Encoding.UTF8.GetBytes("营业执照 1.2.156.3005.2.11100000000013338W001");
        var signature = Sm2Signature.Sign(Seal.PrivateKey, data);
        var changed = signature.ToArray();
        changed[^1] ^= 1;
        var id = Sm2Signature.DefaultUserId;

        foreach (var (name, verify) in new (string, Func<byte[], byte[], Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters, byte[], bool>)[]
        {
            ("libcrypto", (d, s, k, u) => Sm2Signature.Verify(k, d, s, u)),
            ("BouncyCastle", (d, s, k, u) => BouncyCastleSm2.Verify(k, d, s, u)),
        })
        {
            Assert.True(verify(data, signature, Seal.PublicKey, id), name);
            Assert.False(verify([.. data, 0x20], signature, Seal.PublicKey, id), name);
            Assert.False(verify(data, signature, Other.PublicKey, id), name);
            Assert.False(verify(data, signature, Seal.PublicKey, Encoding.ASCII.GetBytes("another-user-id")), name);
            Assert.False(verify(data, changed, Seal.PublicKey, id), name);
            Assert.False(verify(data, [0x30, 0x02, 0x01], Seal.PublicKey, id), name);
            Assert.False(verify(data, RandomNumberGenerator.GetBytes(71), Seal.PublicKey, id), name);
        }
    }

    [Fact]
    public void A_public_key_given_as_its_point_verifies_like_the_key_and_a_point_off_the_curve_verifies_nothing()
    {
        var data = Encoding.UTF8.GetBytes("数据签章");
        var signature = Sm2Signature.Sign(Seal.PrivateKey, data);
        var offCurve = Seal.PublicKeyBytes.ToArray();
        offCurve[^1] ^= 1;

        Assert.True(Sm2Signature.Verify(Seal.PublicKeyBytes, data, signature));
        Assert.True(Sm2Signature.Verify(Seal.PublicKeyBytes, data, signature)); // the decoded key, kept
        Assert.False(Sm2Signature.Verify(Other.PublicKeyBytes, data, signature));
        Assert.False(Sm2Signature.Verify(offCurve, data, signature));
        Assert.False(Sm2Signature.Verify(Seal.PublicKeyBytes[..33], data, signature));
    }

    [Fact]
    public void A_key_on_another_curve_is_refused_rather_than_signed_with_ECDSA()
    {
        var p256 = SealKeyPair.Generate(SealKeyPair.EcdsaP256Sha256);

        Assert.Throws<ArgumentException>(() => Sm2Signature.Sign(p256.PrivateKey, [1, 2, 3]));
    }

    [Fact]
    public void Signatures_made_on_many_threads_at_once_all_verify()
    {
        var messages = Enumerable.Range(0, 400).Select(i => Encoding.UTF8.GetBytes($"certificate {i}")).ToArray();

        var signatures = messages.AsParallel().WithDegreeOfParallelism(8).Select(m => Sm2Signature.Sign(Seal.PrivateKey, m)).ToArray();

        Assert.All(messages.Zip(signatures), p => Assert.True(BouncyCastleSm2.Verify(Seal.PublicKey, p.First, p.Second, Sm2Signature.DefaultUserId)));
    }

    [Fact]
    public void Seal_certificates_and_CMS_signed_through_libcrypto_verify_in_BouncyCastle_with_its_own_algorithm_identifier()
    {
        var seal = SealKeyPair.From(Seal);
        var now = DateTimeOffset.UtcNow;
        var certificate = SealCertificate.Create(seal, "XA-TEST-0001", "11610100MB29570176", now.AddDays(-1), now.AddYears(1));
        var content = Encoding.UTF8.GetBytes("%PDF-1.7 the signed byte ranges");

        var cms = new Org.BouncyCastle.Cms.CmsSignedData(new Org.BouncyCastle.Cms.CmsProcessableByteArray(content),
            SealCmsSigner.SignDetached(seal, certificate, content, "XA-TEST-0001", "certificate:test", now));
        var signer = cms.GetSignerInfos().GetSigners().Single();

        var reference = new Org.BouncyCastle.Crypto.Operators.Asn1SignatureFactory("SM3WITHSM2", Seal.PrivateKey).AlgorithmDetails;
        Assert.Equal(reference, seal.SignatureFactory().AlgorithmDetails);
        Assert.Equal(reference, certificate.SignatureAlgorithm);
        certificate.Verify(Seal.PublicKey);
        Assert.True(signer.Verify(certificate));
    }
}
