using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Modes;
using Org.BouncyCastle.Crypto.Parameters;

namespace TrustLedger.Ledger.Crypto;

/// <summary>SM4 (GB/T 32907) in GCM mode through BouncyCastle: the GM suite's cipher for data at rest.</summary>
public sealed class Sm4Gcm : IAeadCipher
{
    public static readonly Sm4Gcm Instance = new();

    public string Name => "SM4-GCM";

    public byte Id => 1;

    public int KeySize => 16;

    public byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        var gcm = Create(true, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(plaintext.Length)];
        var written = gcm.ProcessBytes(plaintext, output);
        gcm.DoFinal(output.AsSpan(written));
        return output;
    }

    public byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData)
    {
        var gcm = Create(false, key, nonce, associatedData);
        var output = new byte[gcm.GetOutputSize(ciphertextAndTag.Length)];
        try
        {
            var written = gcm.ProcessBytes(ciphertextAndTag, output);
            gcm.DoFinal(output.AsSpan(written));
            return output;
        }
        catch (InvalidCipherTextException ex)
        {
            throw new CryptographicException("SM4-GCM authentication failed: the data or its key was altered", ex);
        }
    }

    private static GcmBlockCipher Create(bool encrypt, ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> associatedData)
    {
        var gcm = new GcmBlockCipher(new SM4Engine());
        gcm.Init(encrypt, new AeadParameters(new KeyParameter(key.ToArray()), 128, nonce.ToArray(), associatedData.ToArray()));
        return gcm;
    }
}
