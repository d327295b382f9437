using System.Diagnostics;
using System.Text;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.X509;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Tests.Ledger.Crypto;

public class Sm2SignatureTests
{
    private static readonly byte[] Document = Encoding.UTF8.GetBytes("营业执照 1.2.156.3005.2.11100000000013338W001.11610100MB29570176.20260000001.001.7");

    [Fact]
    public void A_signature_verifies_only_for_its_data_key_and_user_id()
    {
        var seal = Sm2KeyPair.Generate();
        var other = Sm2KeyPair.Generate();

        var signature = Sm2Signature.Sign(seal.PrivateKey, Document);

        Assert.True(Sm2Signature.Verify(seal.PublicKey, Document, signature));
        Assert.False(Sm2Signature.Verify(other.PublicKey, Document, signature));
        Assert.False(Sm2Signature.Verify(seal.PublicKey, [.. Document, 0x20], signature));
        Assert.False(Sm2Signature.Verify(seal.PublicKey, Document, signature, Encoding.ASCII.GetBytes("another-user-id")));
        Assert.False(Sm2Signature.Verify(seal.PublicKey, Document, [0x30, 0x02, 0x01]));
    }

    [Fact]
    public void A_key_restored_from_its_private_scalar_has_the_same_public_key()
    {
        var pair = Sm2KeyPair.Generate();

        var restored = Sm2KeyPair.FromPrivateKey(pair.PrivateKeyBytes());

        Assert.Equal(pair.PublicKeyBytes, restored.PublicKeyBytes);
        Assert.Equal(65, restored.PublicKeyBytes.Length);
    }

    [Fact]
    public async Task OpenSSL_verifies_our_signatures_and_we_verify_OpenSSLs()
    {
        var directory = Directory.CreateTempSubdirectory("sm2-openssl-").FullName;
        try
        {
            var pair = Sm2KeyPair.Generate();
            await File.WriteAllBytesAsync(Path.Combine(directory, "data.bin"), Document);
            await File.WriteAllBytesAsync(Path.Combine(directory, "ours.der"), Sm2Signature.Sign(pair.PrivateKey, Document));
            await WritePemAsync(Path.Combine(directory, "public.pem"), SubjectPublicKeyInfoFactory.CreateSubjectPublicKeyInfo(pair.PublicKey));
            await WritePemAsync(Path.Combine(directory, "private.pem"), PrivateKeyInfoFactory.CreatePrivateKeyInfo(pair.PrivateKey));

            var verify = await OpenSslAsync(directory, "pkeyutl", "-verify", "-pubin", "-inkey", "public.pem", "-in", "data.bin", "-sigfile", "ours.der", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");
            var sign = await OpenSslAsync(directory, "pkeyutl", "-sign", "-inkey", "private.pem", "-in", "data.bin", "-out", "theirs.der", "-rawin", "-digest", "sm3", "-pkeyopt", "distid:1234567812345678");

            Assert.True(verify.ExitCode == 0, verify.Output);
            Assert.True(sign.ExitCode == 0, sign.Output);
            var theirs = await File.ReadAllBytesAsync(Path.Combine(directory, "theirs.der"));
            Assert.True(Sm2Signature.Verify(pair.PublicKey, Document, theirs));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task WritePemAsync(string path, object value)
    {
        await using var writer = new StreamWriter(path);
        new PemWriter(writer).WriteObject(value);
    }

    private static async Task<(int ExitCode, string Output)> OpenSslAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("openssl") { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
