using System.Runtime.InteropServices;

namespace TrustLedger.Ledger.Crypto.OpenSsl;

/// <summary>
/// The few libcrypto (OpenSSL 3) entry points TrustLedger calls: SM3 digests and SM2 signatures.
/// OpenSSL is the platform's own crypto library on Linux (.NET's System.Security.Cryptography uses
/// the same file), and its SM2/SM3 code is assembly-optimised, about four times BouncyCastle's speed
/// here. BouncyCastle stays the reference implementation: tests cross-check the two.
/// </summary>
internal static unsafe partial class LibCrypto
{
    private const string Library = "libcrypto.so.3";

    /// <summary>True when libcrypto 3 loads and offers SM3; otherwise callers use BouncyCastle.</summary>
    public static bool IsAvailable { get; } = Probe();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial nint EVP_MD_fetch(nint libraryContext, string algorithm, string? properties);

    [LibraryImport(Library)]
    public static partial nint EVP_MD_CTX_new();

    [LibraryImport(Library)]
    public static partial void EVP_MD_CTX_free(nint context);

    [LibraryImport(Library)]
    public static partial int EVP_DigestInit_ex2(nint context, nint digest, nint parameters);

    [LibraryImport(Library)]
    public static partial int EVP_DigestUpdate(nint context, byte* data, nuint length);

    [LibraryImport(Library)]
    public static partial int EVP_DigestFinal_ex(nint context, byte* digest, uint* length);

    [LibraryImport(Library)]
    public static partial nint d2i_AutoPrivateKey(nint* existing, byte** der, nint length);

    [LibraryImport(Library)]
    public static partial nint d2i_PUBKEY(nint* existing, byte** der, nint length);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int EVP_PKEY_is_a(nint key, string name);

    [LibraryImport(Library)]
    public static partial void EVP_PKEY_free(nint key);

    [LibraryImport(Library)]
    public static partial nint EVP_PKEY_CTX_new_from_pkey(nint libraryContext, nint key, nint properties);

    [LibraryImport(Library)]
    public static partial void EVP_PKEY_CTX_free(nint context);

    [LibraryImport(Library)]
    public static partial int EVP_PKEY_CTX_set1_id(nint context, byte* id, int length);

    [LibraryImport(Library)]
    public static partial void EVP_MD_CTX_set_pkey_ctx(nint context, nint keyContext);

    [LibraryImport(Library)]
    public static partial int EVP_DigestSignInit(nint context, nint* keyContext, nint digest, nint engine, nint key);

    [LibraryImport(Library)]
    public static partial int EVP_DigestSign(nint context, byte* signature, nuint* signatureLength, byte* data, nuint length);

    [LibraryImport(Library)]
    public static partial int EVP_DigestVerifyInit(nint context, nint* keyContext, nint digest, nint engine, nint key);

    [LibraryImport(Library)]
    public static partial int EVP_DigestVerify(nint context, byte* signature, nuint signatureLength, byte* data, nuint length);

    [LibraryImport(Library)]
    public static partial void ERR_clear_error();

    private static bool Probe()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad(Library, typeof(LibCrypto).Assembly, null, out _))
        {
            return false;
        }

        try
        {
            return OpenSslSm3.Digest != 0;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
