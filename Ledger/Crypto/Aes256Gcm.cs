using System.Security.Cryptography;

namespace TrustLedger.Ledger.Crypto;

/// <summary>AES-256-GCM through .NET, selectable where the international suite is required.</summary>
public sealed class Aes256Gcm : IAeadCipher
{
    public static readonly Aes256Gcm Instance = new();

    public string Name => "AES-256-GCM";

    public byte Id => 2;

    public int KeySize => 32;

    public byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        using var aes = new AesGcm(key, 16);
        var output = new byte[plaintext.Length + 16];
        aes.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), associatedData);
        return output;
    }

    public byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData)
    {
        using var aes = new AesGcm(key, 16);
        var length = ciphertextAndTag.Length - 16;
        var output = new byte[length];
        aes.Decrypt(nonce, ciphertextAndTag[..length], ciphertextAndTag[length..], output, associatedData);
        return output;
    }
}
