using System.Security.Cryptography;
using System.Text;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Tests.Ledger.Crypto;

public class AeadCipherTests
{
    [Fact]
    public void Sm4_gcm_matches_the_RFC_8998_test_vector()
    {
        var key = Convert.FromHexString("0123456789ABCDEFFEDCBA9876543210");
        var nonce = Convert.FromHexString("00001234567800000000ABCD");
        var aad = Convert.FromHexString("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
        var plaintext = Convert.FromHexString("AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEEAAAAAAAAAAAAAAAA");

        var output = Sm4Gcm.Instance.Encrypt(key, nonce, plaintext, aad);

        Assert.Equal(
            "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397B4024A2691233B8D"
            + "83DE3541E4C2B58177E065A9BF7B62EC",
            Convert.ToHexString(output));
        Assert.Equal(plaintext, Sm4Gcm.Instance.Decrypt(key, nonce, output, aad));
    }

    public static TheoryData<string> Ciphers => new() { "SM4-GCM", "AES-256-GCM" };

    [Theory]
    [MemberData(nameof(Ciphers))]
    public void An_envelope_opens_with_its_KEK_and_associated_data_and_nothing_else(string name)
    {
        Assert.True(AeadCiphers.TryByName(name, out var cipher));
        var kek = RandomNumberGenerator.GetBytes(cipher.KeySize);
        var plaintext = Encoding.UTF8.GetBytes("{\"holder\":{\"name\":\"张三明\",\"code\":\"11010519491231002X\"}}");
        var aad = Encoding.UTF8.GetBytes("certificate 42");

        var sealedBytes = Envelope.Seal(cipher, "11610100MB29570176/" + name + "/v1", kek, plaintext, aad);

        Assert.Equal(plaintext, Envelope.Open(sealedBytes, kek, aad));
        Assert.Equal("11610100MB29570176/" + name + "/v1", Envelope.KekIdOf(sealedBytes));
        Assert.DoesNotContain("张三明", Encoding.UTF8.GetString(sealedBytes), StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(sealedBytes, kek, Encoding.UTF8.GetBytes("certificate 43")));
        Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(sealedBytes, RandomNumberGenerator.GetBytes(cipher.KeySize), aad));
        for (var i = 4; i < sealedBytes.Length; i += 7)
        {
            var tampered = (byte[])sealedBytes.Clone();
            tampered[i] ^= 0x01;
            Assert.ThrowsAny<CryptographicException>(() => Envelope.Open(tampered, kek, aad));
        }
    }
}
