using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Where chain signing keys live, encrypted. The file keystore is the default; a KMS, an HSM or
/// Web3Signer fit behind the same interface.
/// </summary>
public interface IKeyStore
{
    /// <summary>The key stored under <paramref name="keyId"/>, or null when there is none.</summary>
    Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Stores a key under a new id; an existing id is never overwritten.</summary>
    Task SaveAsync(string keyId, SigningKey key, CancellationToken cancellationToken = default);
}
