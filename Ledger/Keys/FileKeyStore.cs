using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Nethereum.Hex.HexConvertors.Extensions;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Keys as Web3 Secret Storage (v3, scrypt + AES-128-CTR) files, one per key id, readable only by
/// the service's user. A key is decrypted once and kept in memory; it never leaves this process.
/// A file appears whole or not at all (written beside, then linked into place), so a reader never
/// sees half a key and two writers of one id cannot both win.
/// </summary>
public sealed partial class FileKeyStore : IKeyStore, ISecretStore
{
    private readonly KeyStoreOptions _options;
    private readonly SecretStorageFormat _format;
    private readonly ConcurrentDictionary<string, SigningKey> _decrypted = new(StringComparer.Ordinal);

    public FileKeyStore(KeyStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _format = new SecretStorageFormat(options.Passphrase, options.ScryptN);
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

    /// <summary>Stores a key under a new id; an existing id is never overwritten (IOException).</summary>
    public async Task SaveAsync(string keyId, SigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        await SaveSecretAsync(keyId, key.Expose().HexToByteArray(), key.Address, cancellationToken);
        _decrypted[keyId] = key;
    }

    public async Task<SigningKey> AddAsync(string keyId, SigningKey key, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(key);
        var stored = await AddSecretAsync(keyId, key.Expose().HexToByteArray(), key.Address, cancellationToken);
        return _decrypted.GetOrAdd(keyId, new SigningKey(stored.ToHex()));
    }

    /// <summary>Any 32-byte secret (a key-encryption key's master secret) in the same encrypted format.</summary>
    public async Task<byte[]?> FindSecretAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(keyId);
        if (!File.Exists(path))
        {
            return null;
        }

        return _format.Decrypt(await File.ReadAllTextAsync(path, cancellationToken));
    }

    public Task<bool> ContainsAsync(string keyId, CancellationToken cancellationToken = default) => Task.FromResult(File.Exists(PathOf(keyId)));

    /// <summary>The encrypted form of a key, as stored (for moving keys into another store without decrypting them).</summary>
    public async Task<string?> ReadEncryptedAsync(string keyId, CancellationToken cancellationToken = default)
    {
        var path = PathOf(keyId);
        return File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : null;
    }

    /// <summary>Stores a secret under a new id; an existing id is never overwritten (IOException).</summary>
    public async Task SaveSecretAsync(string keyId, byte[] secret, string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var path = PathOf(keyId);
        Directory.CreateDirectory(_options.Directory);
        var json = _format.Encrypt(secret, label);
        var draft = $"{path}.{Guid.NewGuid():N}.tmp";
        // The draft is private to the service's user from its first byte.
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(draft, file))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(json.AsMemory(), cancellationToken);
            }

            // Without overwriting, a move fails when the id exists: the first writer wins, whole.
            File.Move(draft, path, overwrite: false);
        }
        finally
        {
            File.Delete(draft);
        }
    }

    public async Task<byte[]> AddSecretAsync(string keyId, byte[] secret, string label, CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveSecretAsync(keyId, secret, label, cancellationToken);
            return secret;
        }
        catch (IOException) when (File.Exists(PathOf(keyId)))
        {
            return await FindSecretAsync(keyId, cancellationToken) ?? throw new IOException($"key {keyId} vanished while it was being read");
        }
    }

    /// <summary>The file that holds a key id (for operators and tests; its content is encrypted).</summary>
    public string KeyFileOf(string keyId) => PathOf(keyId);

    /// <summary>Every key id the folder holds.</summary>
    public IEnumerable<string> KeyIds() => Directory.Exists(_options.Directory)
        ? Directory.EnumerateFiles(_options.Directory, "*.json").Select(Path.GetFileNameWithoutExtension).Where(id => id is not null && KeyIdPattern().IsMatch(id)).Select(id => id!)
        : [];

    internal string PathOf(string keyId)
    {
        if (!IsValidKeyId(keyId))
        {
            throw new ArgumentException($"key ids are letters, digits, '-' and '_': {keyId}", nameof(keyId));
        }

        return Path.Combine(_options.Directory, keyId + ".json");
    }

    /// <summary>Key ids are 1 to 64 letters, digits, '-' and '_' (they name files).</summary>
    public static bool IsValidKeyId(string keyId) => keyId is not null && KeyIdPattern().IsMatch(keyId);

    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,64}\z")]
    private static partial Regex KeyIdPattern();
}
