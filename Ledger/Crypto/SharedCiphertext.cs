using System.Security.Cryptography;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// A payload shared with one recipient (授权用证): the AEAD ciphertext exactly as stored, its nonce
/// and associated data, and the data key encrypted to the recipient's SM2 public key. Only the
/// holder of the matching private key can open it; the service never sees that key.
/// </summary>
public sealed record SharedCiphertext(string Cipher, byte[] WrappedKey, byte[] Nonce, byte[] Ciphertext, byte[] AssociatedData)
{
    /// <summary>The recipient's side: unwrap the data key with the SM2 private key, then open the payload.</summary>
    public byte[] Open(Sm2KeyPair recipient)
    {
        if (!AeadCiphers.TryByName(Cipher, out var cipher))
        {
            throw new CryptographicException($"unknown cipher {Cipher}");
        }

        var dataKey = Sm2Encryption.Decrypt(recipient, WrappedKey);
        try
        {
            return cipher.Decrypt(dataKey, Nonce, Ciphertext, AssociatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }
}
