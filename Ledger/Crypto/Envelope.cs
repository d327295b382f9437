using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace TrustLedger.Ledger.Crypto;

/// <summary>
/// Envelope encryption: each payload gets a fresh data key; the data key is wrapped by a
/// key-encryption key (KEK) named by id. Both layers are AEAD, and the payload's associated data
/// (e.g. the certificate id) binds a ciphertext to its row, so it cannot be moved to another.
/// Layout v1: version(1) cipher(1) kekIdLength(2) kekId nonceW(12) wrappedKey nonceD(12) ciphertext.
/// </summary>
public static class Envelope
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(IAeadCipher cipher, string kekId, ReadOnlySpan<byte> kek, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var dataKey = RandomNumberGenerator.GetBytes(cipher.KeySize);
        var wrapNonce = RandomNumberGenerator.GetBytes(NonceSize);
        var dataNonce = RandomNumberGenerator.GetBytes(NonceSize);
        var kekIdBytes = Encoding.UTF8.GetBytes(kekId);
        var wrapped = cipher.Encrypt(kek, wrapNonce, dataKey, kekIdBytes);
        var ciphertext = cipher.Encrypt(dataKey, dataNonce, plaintext, associatedData);
        CryptographicOperations.ZeroMemory(dataKey);

        var output = new byte[4 + kekIdBytes.Length + NonceSize + wrapped.Length + NonceSize + ciphertext.Length];
        var span = output.AsSpan();
        span[0] = Version;
        span[1] = cipher.Id;
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)kekIdBytes.Length);
        var offset = 4;
        Append(span, ref offset, kekIdBytes);
        Append(span, ref offset, wrapNonce);
        Append(span, ref offset, wrapped);
        Append(span, ref offset, dataNonce);
        Append(span, ref offset, ciphertext);
        return output;
    }

    /// <summary>The KEK id an envelope was sealed under, read without decrypting.</summary>
    public static string KekIdOf(ReadOnlySpan<byte> envelope)
    {
        if (envelope.Length < 4 || envelope[0] != Version)
        {
            throw new CryptographicException("not a TrustLedger envelope (v1)");
        }

        var offset = 4;
        return Encoding.UTF8.GetString(Take(envelope, ref offset, BinaryPrimitives.ReadUInt16BigEndian(envelope[2..])));
    }

    public static byte[] Open(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> kek, ReadOnlySpan<byte> associatedData)
    {
        var (cipher, dataKey, dataNonce, payloadOffset) = Unwrap(envelope, kek);
        try
        {
            return cipher.Decrypt(dataKey, dataNonce, envelope[payloadOffset..], associatedData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    /// <summary>
    /// Re-encrypts an envelope's data key to a recipient's SM2 public key without touching the
    /// payload: the recipient gets the payload ciphertext as stored and can open it with its private
    /// key alone. The data key exists in memory only for the moment of re-wrapping.
    /// </summary>
    public static SharedCiphertext ShareWith(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> kek, Org.BouncyCastle.Crypto.Parameters.ECPublicKeyParameters recipient, ReadOnlySpan<byte> associatedData)
    {
        var (cipher, dataKey, dataNonce, payloadOffset) = Unwrap(envelope, kek);
        try
        {
            return new SharedCiphertext(cipher.Name, Sm2Encryption.Encrypt(recipient, dataKey), dataNonce, envelope[payloadOffset..].ToArray(), associatedData.ToArray());
        }
        finally
        {
            CryptographicOperations.ZeroMemory(dataKey);
        }
    }

    // Reads the layout and unwraps the data key with the KEK; the caller zeroes the key after use.
    private static (IAeadCipher Cipher, byte[] DataKey, byte[] DataNonce, int PayloadOffset) Unwrap(ReadOnlySpan<byte> envelope, ReadOnlySpan<byte> kek)
    {
        if (envelope.Length < 4 || envelope[0] != Version)
        {
            throw new CryptographicException("not a TrustLedger envelope (v1)");
        }

        var cipher = AeadCiphers.ById(envelope[1]);
        var kekIdLength = BinaryPrimitives.ReadUInt16BigEndian(envelope[2..]);
        var offset = 4;
        var kekId = Take(envelope, ref offset, kekIdLength);
        var wrapNonce = Take(envelope, ref offset, NonceSize);
        var wrapped = Take(envelope, ref offset, cipher.KeySize + TagSize);
        var dataNonce = Take(envelope, ref offset, NonceSize).ToArray();
        return (cipher, cipher.Decrypt(kek, wrapNonce, wrapped, kekId), dataNonce, offset);
    }

    private static void Append(Span<byte> output, ref int offset, ReadOnlySpan<byte> part)
    {
        part.CopyTo(output[offset..]);
        offset += part.Length;
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> input, ref int offset, int length)
    {
        if (offset + length > input.Length)
        {
            throw new CryptographicException("truncated envelope");
        }

        var part = input.Slice(offset, length);
        offset += length;
        return part;
    }
}
