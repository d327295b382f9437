namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Where 32-byte secrets live, encrypted (seal keys, key-encryption keys' master secrets). Adding is
/// first-writer-wins: when two instances create the same secret at once, both end up using the one
/// that was stored.
/// </summary>
public interface ISecretStore
{
    /// <summary>The secret stored under <paramref name="keyId"/>, or null when there is none.</summary>
    Task<byte[]?> FindSecretAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Whether a secret is stored under <paramref name="keyId"/> (nothing is decrypted).</summary>
    Task<bool> ContainsAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="secret"/> under a new id; if the id already holds one, nothing is written. Returns the secret stored under the id.</summary>
    Task<byte[]> AddSecretAsync(string keyId, byte[] secret, string label, CancellationToken cancellationToken = default);
}
