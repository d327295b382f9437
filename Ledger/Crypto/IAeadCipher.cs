namespace TrustLedger.Ledger.Crypto;

/// <summary>An authenticated cipher (GCM): a 12-byte nonce, a 16-byte tag appended to the ciphertext.</summary>
public interface IAeadCipher
{
    /// <summary><c>SM4-GCM</c> or <c>AES-256-GCM</c>.</summary>
    string Name { get; }

    byte Id { get; }

    int KeySize { get; }

    byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData);

    /// <summary>Decrypts and authenticates; throws <see cref="System.Security.Cryptography.CryptographicException"/> on any tampering.</summary>
    byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData);
}
