using Org.BouncyCastle.Crypto.Parameters;

namespace TrustLedger.Ledger.Crypto.OpenSsl;

/// <summary>
/// SM2 signatures (GB/T 32918.2, SM3 digest, Z value over the user id) through libcrypto, DER (r, s)
/// like <see cref="BouncyCastleSm2"/>. Contexts are made per call, as <c>openssl speed sm2</c> does,
/// and the decoded key is reused.
/// </summary>
internal static unsafe class OpenSslSm2
{
    // DER SEQUENCE of two INTEGERs of at most 33 bytes each.
    private const int MaxSignatureSize = 72;

    public static byte[] Sign(ECPrivateKeyParameters privateKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> userId)
    {
        using var context = new Sm2Context(OpenSslKey.Of(privateKey), userId, signing: true);
        Span<byte> signature = stackalloc byte[MaxSignatureSize];
        nuint length = MaxSignatureSize;
        fixed (byte* input = data)
        fixed (byte* output = signature)
        {
            if (LibCrypto.EVP_DigestSign(context.Handle, output, &length, input, (nuint)data.Length) != 1)
            {
                LibCrypto.ERR_clear_error();
                throw new InvalidOperationException("libcrypto failed to make an SM2 signature");
            }
        }

        return signature[..(int)length].ToArray();
    }

    public static bool Verify(ECPublicKeyParameters publicKey, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> userId) =>
        Verify(OpenSslKey.Of(publicKey), data, signature, userId);

    public static bool Verify(OpenSslKey key, ReadOnlySpan<byte> data, ReadOnlySpan<byte> signature, ReadOnlySpan<byte> userId)
    {
        using var context = new Sm2Context(key, userId, signing: false);
        int result;
        fixed (byte* input = data)
        fixed (byte* sig = signature)
        {
            result = LibCrypto.EVP_DigestVerify(context.Handle, sig, (nuint)signature.Length, input, (nuint)data.Length);
        }

        if (result != 1)
        {
            LibCrypto.ERR_clear_error(); // 0 is a wrong signature, below 0 a malformed one: both simply invalid
        }

        return result == 1;
    }

    /// <summary>A digest context set up to sign or verify with one key and user id.</summary>
    private readonly ref struct Sm2Context
    {
        private readonly OpenSslKey _key;
        private readonly nint _keyContext;

        public Sm2Context(OpenSslKey key, ReadOnlySpan<byte> userId, bool signing)
        {
            _key = key;
            var added = false;
            key.DangerousAddRef(ref added);
            var pkey = key.DangerousGetHandle();
            Handle = LibCrypto.EVP_MD_CTX_new();
            _keyContext = LibCrypto.EVP_PKEY_CTX_new_from_pkey(0, pkey, 0);
            var ready = Handle != 0 && _keyContext != 0;
            if (ready)
            {
                fixed (byte* id = userId)
                {
                    ready = LibCrypto.EVP_PKEY_CTX_set1_id(_keyContext, id, userId.Length) == 1;
                }

                LibCrypto.EVP_MD_CTX_set_pkey_ctx(Handle, _keyContext);
                ready = ready && (signing
                    ? LibCrypto.EVP_DigestSignInit(Handle, null, OpenSslSm3.Digest, 0, pkey)
                    : LibCrypto.EVP_DigestVerifyInit(Handle, null, OpenSslSm3.Digest, 0, pkey)) == 1;
            }

            if (!ready)
            {
                LibCrypto.ERR_clear_error();
                Dispose();
                throw new InvalidOperationException("libcrypto could not set up an SM2 context");
            }
        }

        public nint Handle { get; }

        public void Dispose()
        {
            // The digest context does not own a key context set with EVP_MD_CTX_set_pkey_ctx.
            LibCrypto.EVP_MD_CTX_free(Handle);
            LibCrypto.EVP_PKEY_CTX_free(_keyContext);
            _key.DangerousRelease();
        }
    }
}
