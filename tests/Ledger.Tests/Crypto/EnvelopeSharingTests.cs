using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Tests.Ledger.Crypto;

public class EnvelopeSharingTests
{
    [Theory]
    [InlineData("SM4-GCM")]
    [InlineData("AES-256-GCM")]
    public void A_shared_envelope_opens_with_the_recipients_SM2_key_and_no_other(string cipherName)
    {
        Assert.True(AeadCiphers.TryByName(cipherName, out var cipher));
        var kek = RandomNumberGenerator.GetBytes(cipher.KeySize);
        var payload = Encoding.UTF8.GetBytes("{\"holder\":{\"name\":\"张三\"}}");
        var associated = Guid.NewGuid().ToByteArray();
        var envelope = Envelope.Seal(cipher, "kek-1", kek, payload, associated);
        var agency = Sm2KeyPair.Generate();

        var shared = Envelope.ShareWith(envelope, kek, agency.PublicKey, associated);

        Assert.Equal(payload, shared.Open(agency));
        // The stored ciphertext is passed through, not re-encrypted: the service never re-exposes plaintext.
        Assert.EndsWith(Convert.ToHexString(shared.Ciphertext), Convert.ToHexString(envelope), StringComparison.Ordinal);
        Assert.ThrowsAny<InvalidCipherTextException>(() => shared.Open(Sm2KeyPair.Generate()));
    }

    [Fact]
    public void Sharing_needs_the_right_key_encryption_key()
    {
        Assert.True(AeadCiphers.TryByName("SM4-GCM", out var cipher));
        var envelope = Envelope.Seal(cipher, "kek-1", RandomNumberGenerator.GetBytes(16), "x"u8, []);

        Assert.ThrowsAny<CryptographicException>(() => Envelope.ShareWith(envelope, RandomNumberGenerator.GetBytes(16), Sm2KeyPair.Generate().PublicKey, []));
    }
}
