using Nethereum.KeyStore;
using Nethereum.KeyStore.Model;

namespace TrustLedger.Ledger.Keys;

/// <summary>
/// Web3 Secret Storage (v3): a 32-byte secret encrypted with AES-128-CTR under a key scrypt derives
/// from the passphrase, as JSON. The one place keys are encrypted and decrypted, whatever holds the JSON.
/// </summary>
public sealed class SecretStorageFormat(string passphrase, int scryptN)
{
    private readonly KeyStoreScryptService _scrypt = new();

    public string Passphrase { get; } = string.IsNullOrEmpty(passphrase)
        ? throw new ArgumentException("the keystore needs a passphrase (Keystore:Passphrase)", nameof(passphrase))
        : passphrase;

    public string Encrypt(byte[] secret, string label) =>
        _scrypt.EncryptAndGenerateKeyStoreAsJson(Passphrase, secret, label, new ScryptParams { Dklen = 32, N = scryptN, R = 8, P = 1 });

    /// <summary>A chain key, labelled with its account.</summary>
    public string Encrypt(Chain.SigningKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Encrypt(Convert.FromHexString(key.Expose()), key.Address);
    }

    /// <summary>The secret; throws when the passphrase is wrong (the MAC does not match).</summary>
    public byte[] Decrypt(string json) => _scrypt.DecryptKeyStoreFromJson(Passphrase, json);
}
