namespace TrustLedger.Verifier.Receipts;

/// <summary>The Verifier's receipt-signing key. Bound from the <c>Receipts</c> section.</summary>
public sealed class ReceiptOptions
{
    public const string Section = "Receipts";

    /// <summary>Folder of the Verifier's own keystore (Web3 Secret Storage), apart from CertService's.</summary>
    public string KeystoreDirectory { get; set; } = "devnet/.state/verifier-keystore";

    /// <summary>Encrypts the key file: supply it from a secret store or the environment.</summary>
    public string Passphrase { get; set; } = "";

    public int ScryptN { get; set; } = 262_144;
}
