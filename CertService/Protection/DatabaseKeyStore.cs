using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Nethereum.Hex.HexConvertors.Extensions;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Protection;

/// <summary>
/// The keystore of CertService: chain keys, seal keys and key-encryption keys' master secrets in
/// the database, each in Web3 Secret Storage form under the keystore passphrase (which stays out of
/// the database, in the environment or a secret store). Every instance over one database shares
/// them, and creating a key is first-writer-wins (one insert, on conflict nothing), so two instances
/// that create a department's first key at once both use the one that was stored. Keys provisioned
/// as files (the deployer writes the governance key; keystores from before this version) are
/// copied in, still encrypted, the first time they are read.
/// </summary>
public sealed class DatabaseKeyStore(IServiceScopeFactory scopes, FileKeyStore files, IOptions<KeyStoreOptions> options, TimeProvider time) : IKeyStore, ISecretStore
{
    private readonly SecretStorageFormat _format = new(options.Value.Passphrase, options.Value.ScryptN);
    private readonly ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);

    public async Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken = default) =>
        await FindSecretAsync(keyId, cancellationToken) is { } secret ? new SigningKey(secret.ToHex()) : null;

    public async Task<SigningKey> AddAsync(string keyId, SigningKey key, CancellationToken cancellationToken = default)
    {
        await InsertAsync(keyId, _format.Encrypt(key), cancellationToken);
        return await FindAsync(keyId, cancellationToken) ?? throw new InvalidOperationException($"key {keyId} was stored but cannot be read back");
    }

    public async Task<byte[]?> FindSecretAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (_secrets.TryGetValue(keyId, out var cached))
        {
            return cached;
        }

        if (await ReadAsync(keyId, cancellationToken) is { } json)
        {
            return _secrets.GetOrAdd(keyId, _format.Decrypt(json));
        }

        if (FileKeyStore.IsValidKeyId(keyId) && await files.ReadEncryptedAsync(keyId, cancellationToken) is { } provisioned)
        {
            _format.Decrypt(provisioned); // under another passphrase it is not ours to copy
            await InsertAsync(keyId, provisioned, cancellationToken);
            return await FindSecretAsync(keyId, cancellationToken);
        }

        return null;
    }

    public async Task<bool> ContainsAsync(string keyId, CancellationToken cancellationToken = default)
    {
        if (_secrets.ContainsKey(keyId))
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CertificateStore>().StoredKeys.AnyAsync(k => k.KeyId == keyId, cancellationToken);
    }

    public async Task<byte[]> AddSecretAsync(string keyId, byte[] secret, string label, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(secret);
        await InsertAsync(keyId, _format.Encrypt(secret, label), cancellationToken);
        return await FindSecretAsync(keyId, cancellationToken) ?? throw new InvalidOperationException($"key {keyId} was stored but cannot be read back");
    }

    /// <summary>Copies a key in its encrypted form, unless the id holds one already.</summary>
    public Task ImportAsync(string keyId, string json, CancellationToken cancellationToken) => InsertAsync(keyId, json, cancellationToken);

    private async Task<string?> ReadAsync(string keyId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        return await store.StoredKeys.AsNoTracking().Where(k => k.KeyId == keyId).Select(k => k.Json).SingleOrDefaultAsync(cancellationToken);
    }

    private async Task InsertAsync(string keyId, string json, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        var at = time.GetUtcNow().UtcTicks;
        await store.Database.ExecuteSqlInterpolatedAsync(
            $"""INSERT INTO key_store ("KeyId", "Json", "CreatedAt") VALUES ({keyId}, {json}, {at}) ON CONFLICT ("KeyId") DO NOTHING""", cancellationToken);
    }
}
