namespace TrustLedger.Ledger.Crypto;

public static class AeadCiphers
{
    public static bool TryByName(string? name, out IAeadCipher cipher)
    {
        cipher = name?.ToUpperInvariant() switch
        {
            "SM4-GCM" => Sm4Gcm.Instance,
            "AES-256-GCM" => Aes256Gcm.Instance,
            _ => null!,
        };
        return cipher is not null;
    }

    public static IAeadCipher ById(byte id) => id switch
    {
        1 => Sm4Gcm.Instance,
        2 => Aes256Gcm.Instance,
        _ => throw new System.Security.Cryptography.CryptographicException($"unknown cipher id {id}"),
    };
}
