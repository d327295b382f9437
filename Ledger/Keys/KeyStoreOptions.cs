namespace TrustLedger.Ledger.Keys;

/// <summary>The file keystore. Bound from the <c>Keystore</c> configuration section.</summary>
public sealed class KeyStoreOptions
{
    public const string Section = "Keystore";

    /// <summary>Folder of Web3 Secret Storage files, one per key id.</summary>
    public string Directory { get; set; } = "devnet/.state/keystore";

    /// <summary>The passphrase that encrypts every key file: supply it from a secret store or the environment, never a committed file.</summary>
    public string Passphrase { get; set; } = "";

    /// <summary>scrypt cost N for new key files (Web3 Secret Storage default 262144; lower only for tests).</summary>
    public int ScryptN { get; set; } = 262_144;
}
