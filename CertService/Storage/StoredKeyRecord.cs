namespace TrustLedger.CertService.Storage;

/// <summary>
/// A key (chain key, seal key, key-encryption key's master secret) in Web3 Secret Storage form:
/// scrypt and AES-128-CTR under the keystore passphrase, which never enters the database. Every
/// instance reads the same keys, and the first instance to create a key wins for all.
/// </summary>
public sealed class StoredKeyRecord
{
    public required string KeyId { get; set; }

    public required string Json { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
