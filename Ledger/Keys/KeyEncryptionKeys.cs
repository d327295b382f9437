using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Per-scope (per-department) key-encryption keys. Each scope has a 256-bit master secret in the
/// keystore (encrypted like the chain keys); the KEK for a cipher is derived from it with HKDF
/// (SHA-256, info = cipher name), so SM4 and AES keys never share material. Every instance sharing
/// the secret store sees the same master secret: the first one to create it wins for all. A KMS or
/// HSM replaces this class behind the same methods.
/// </summary>
public sealed partial class KeyEncryptionKeys(ISecretStore store) : IDisposable
{
    private readonly ConcurrentDictionary<string, byte[]> _secrets = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim _create = new(1, 1);

    /// <summary>The KEK id and key to seal new data of <paramref name="scope"/> with; created on first use.</summary>
    public async Task<(string KekId, byte[] Key)> CurrentAsync(string scope, IAeadCipher cipher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var kekId = $"{scope}/v1";
        return (kekId, Derive(await SecretAsync(kekId, create: true, cancellationToken), cipher));
    }

    /// <summary>Creates the scope's master secret now if it has none (so that no later use has to); an existing one is not decrypted.</summary>
    public async Task EnsureAsync(string scope, CancellationToken cancellationToken = default)
    {
        var kekId = $"{scope}/v1";
        if (!_secrets.ContainsKey(kekId) && !await store.ContainsAsync(FileIdOf(kekId), cancellationToken))
        {
            await SecretAsync(kekId, create: true, cancellationToken);
        }
    }

    /// <summary>The KEK an envelope names, for opening it.</summary>
    public async Task<byte[]> GetAsync(string kekId, IAeadCipher cipher, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        // The name comes from the stored envelope: a damaged one names no key at all.
        if (kekId is null || !KekIdPattern().IsMatch(kekId))
        {
            throw new CryptographicException("the envelope names no valid key-encryption key");
        }

        return Derive(await SecretAsync(kekId, create: false, cancellationToken), cipher);
    }

    private async Task<byte[]> SecretAsync(string kekId, bool create, CancellationToken cancellationToken)
    {
        if (_secrets.TryGetValue(kekId, out var cached))
        {
            return cached;
        }

        var fileId = FileIdOf(kekId);
        await _create.WaitAsync(cancellationToken);
        try
        {
            var secret = await store.FindSecretAsync(fileId, cancellationToken);
            if (secret is null)
            {
                if (!create)
                {
                    throw new CryptographicException($"key-encryption key {kekId} is not in the keystore");
                }

                // First writer wins: an instance that raced this one and stored first gives both its secret.
                secret = await store.AddSecretAsync(fileId, RandomNumberGenerator.GetBytes(32), "kek", cancellationToken);
            }

            return _secrets.GetOrAdd(kekId, secret);
        }
        finally
        {
            _create.Release();
        }
    }

    public void Dispose() => _create.Dispose();

    private static string FileIdOf(string kekId) => "kek-" + kekId.Replace('/', '-');

    [System.Text.RegularExpressions.GeneratedRegex(@"\A[A-Za-z0-9_-]{1,55}/v[0-9]{1,4}\z")]
    private static partial System.Text.RegularExpressions.Regex KekIdPattern();

    private static byte[] Derive(byte[] secret, IAeadCipher cipher) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, cipher.KeySize, info: Encoding.ASCII.GetBytes("trustledger kek " + cipher.Name));
}
