using System.Security.Cryptography;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.Tests.Ledger.Keys;

public class FileKeyStoreTests : IDisposable
{
    private readonly KeyStoreOptions _options = new()
    {
        Directory = Directory.CreateTempSubdirectory("keystore-test-").FullName,
        Passphrase = "correct horse battery staple",
        ScryptN = 1024,
    };

    [Fact]
    public async Task A_key_round_trips_encrypted_and_its_file_holds_no_plain_key()
    {
        var key = SigningKey.Generate();
        var raw = KeyHex(key);

        await new FileKeyStore(_options).SaveAsync("department-a", key);
        var loaded = await new FileKeyStore(_options).FindAsync("department-a");

        Assert.Equal(key.Address, loaded!.Address);
        var file = await File.ReadAllTextAsync(Path.Combine(_options.Directory, "department-a.json"));
        Assert.DoesNotContain(raw, file, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("scrypt", file, StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(_options.Directory, "department-a.json")));
        }
    }

    [Fact]
    public async Task The_wrong_passphrase_cannot_open_a_key_and_a_key_is_never_overwritten()
    {
        await new FileKeyStore(_options).SaveAsync("department-b", SigningKey.Generate());

        var thief = new FileKeyStore(new KeyStoreOptions { Directory = _options.Directory, Passphrase = "guess", ScryptN = 1024 });

        await Assert.ThrowsAnyAsync<Exception>(() => thief.FindAsync("department-b"));
        await Assert.ThrowsAsync<IOException>(() => new FileKeyStore(_options).SaveAsync("department-b", SigningKey.Generate()));
    }

    [Fact]
    public void A_signing_key_prints_only_its_address()
    {
        var key = SigningKey.Generate();

        Assert.DoesNotContain(KeyHex(key), key.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains(key.Address, key.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../escape")]
    [InlineData("a/b")]
    [InlineData("")]
    public async Task Key_ids_cannot_leave_the_keystore_folder(string keyId)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new FileKeyStore(_options).FindAsync(keyId));
    }

    // The raw key, recovered the way the signer gets it, to prove it is absent elsewhere.
    private static string KeyHex(SigningKey key) =>
        (string)typeof(SigningKey).GetMethod("Expose", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.Invoke(key, null)!;

    public void Dispose()
    {
        Directory.Delete(_options.Directory, recursive: true);
        GC.SuppressFinalize(this);
    }
}
