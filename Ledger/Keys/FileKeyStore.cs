using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Keys as Web3 Secret Storage (v3, scrypt + AES-128-CTR) files, one per key id, readable only by
/// the service's user. A key is decrypted once and kept in memory; it never leaves this process.
/// </summary>
public sealed partial class FileKeyStore : IKeyStore
{
    private readonly KeyStoreOptions _options;
    private readonly KeyStoreScryptService _scrypt = new();
    private readonly ConcurrentDictionary<string, SigningKey> _decrypted = new(StringComparer.Ordinal);

    public FileKeyStore(KeyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.Passphrase))
        {
            throw new ArgumentException("the keystore needs a passphrase (Keystore:Passphrase)", nameof(options));
        }

        _options = options;
    }

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (_decrypted.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        var secret = await FindSecretAsync(keyId, cancellationToken);
        return secret is null ? null : _decrypted.GetOrAdd(keyId, new SigningKey(secret.ToHex()));
    }

    public async Task SaveAsync(string keyId, SigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await SaveSecretAsync(keyId, key.Expose().HexToByteArray(), key.Address, cancellationToken);
        _decrypted[keyId] = key;
    }

    /// <summary>Any 32-byte secret (a key-encryption key's master secret) in the same encrypted format.</summary>
    public async Task<byte[]?> FindSecretAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(keyId);
        if (!File.Exists(path))
        {
            return null;
        }

        var json = await File.ReadAllTextAsync(path, cancellationToken);
        return _scrypt.DecryptKeyStoreFromJson(_options.Passphrase, json);
    }

    public async Task SaveSecretAsync(string keyId, byte[] secret, string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var path = PathOf(keyId);
        Directory.CreateDirectory(_options.Directory);
        var parameters = new ScryptParams { Dklen = 32, N = _options.ScryptN, R = 8, P = 1 };
        var json = _scrypt.EncryptAndGenerateKeyStoreAsJson(_options.Passphrase, secret, label, parameters);
        // CreateNew: an existing key is never overwritten; the file is private to the service's user.
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var stream = new FileStream(path, file))
        await using (var writer = new StreamWriter(stream))
        {
            await writer.WriteAsync(json.AsMemory(), cancellationToken);
        }
    }

    /// <summary>The file that holds a key id (for operators and tests; its content is encrypted).</summary>
    public string KeyFileOf(string keyId) => PathOf(keyId);

    internal string PathOf(string keyId)
    {
        if (!KeyIdPattern().IsMatch(keyId))
        {
            throw new ArgumentException($"key ids are letters, digits, '-' and '_': {keyId}", nameof(keyId));
        }

        return Path.Combine(_options.Directory, keyId + ".json");
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex KeyIdPattern();
}
