namespace TrustLedger.Ledger.Chain;

/// <summary>
/// A chain account's private key. Its string form is redacted, so a key that reaches a log line,
/// an exception message or a configuration dump shows only the account it belongs to.
/// </summary>
public sealed class SigningKey
{
    private readonly string _privateKeyHex;

    public SigningKey(string privateKeyHex)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyHex);
        var hex = privateKeyHex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? privateKeyHex[2..] : privateKeyHex;
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit))
        {
            throw new ArgumentException("a signing key is 32 bytes of hex", nameof(privateKeyHex));
        }

        _privateKeyHex = hex;
        Address = new Nethereum.Signer.EthECKey(hex).GetPublicAddress();
    }

    public string Address { get; }

    /// <summary>A fresh random key (secp256k1), for a newly onboarded department.</summary>
    public static SigningKey Generate() => new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

    /// <summary>The raw key, for the signer only.</summary>
    internal string Expose() => _privateKeyHex;

    public override string ToString() => $"SigningKey({Address}, redacted)";
}
