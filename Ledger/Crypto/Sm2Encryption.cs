using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Engines;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace TrustLedger.Ledger.Crypto;

/// <summary>SM2 public-key encryption (GB/T 32918.4), ciphertext in the C1‖C3‖C2 order of GM/T 0009.</summary>
public static class Sm2Encryption
{
    public static byte[] Encrypt(ECPublicKeyParameters recipient, byte[] plaintext)
    {
        ArgumentNullException.ThrowIfNull(plaintext);
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(true, new ParametersWithRandom(recipient, new SecureRandom()));
        return engine.ProcessBlock(plaintext, 0, plaintext.Length);
    }

    /// <summary>Decrypts; throws <see cref="InvalidCipherTextException"/> when the ciphertext was not made for this key.</summary>
    public static byte[] Decrypt(Sm2KeyPair recipient, byte[] ciphertext)
    {
        ArgumentNullException.ThrowIfNull(recipient);
        ArgumentNullException.ThrowIfNull(ciphertext);
        var engine = new SM2Engine(SM2Engine.Mode.C1C3C2);
        engine.Init(false, recipient.PrivateKey);
        return engine.ProcessBlock(ciphertext, 0, ciphertext.Length);
    }
}
