using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Where chain signing keys live, encrypted. The file keystore is the default; CertService keeps
/// them in its database so that every instance shares them; a KMS, an HSM or Web3Signer fit behind
/// the same interface.
/// </summary>
public interface IKeyStore
{
    /// <summary>The key stored under <paramref name="keyId"/>, or null when there is none.</summary>
    Task<SigningKey?> FindAsync(string keyId, CancellationToken cancellationToken = default);

    /// <summary>Stores a key under a new id; an id that holds a key already keeps it. Returns the key stored under the id.</summary>
    Task<SigningKey> AddAsync(string keyId, SigningKey key, CancellationToken cancellationToken = default);
}
