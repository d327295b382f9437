namespace TrustLedger.Ledger.Crypto.OpenSsl;

/// <summary>
/// SM3 through libcrypto. The algorithm is fetched once; each thread keeps one digest context and
/// re-initialises it per message, so a hash costs three native calls and no allocation.
/// </summary>
internal static unsafe class OpenSslSm3
{
    [ThreadStatic]
    private static DigestContext? t_context;

    /// <summary>The fetched SM3 implementation (never freed: it lives as long as the process).</summary>
    public static nint Digest { get; } = LibCrypto.EVP_MD_fetch(0, "SM3", null);

    public static void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (destination.Length < 32)
        {
            throw new ArgumentException("an SM3 digest needs 32 bytes", nameof(destination));
        }

        var context = t_context ??= new DigestContext();
        var handle = context.DangerousGetHandle();
        uint length = 0;
        fixed (byte* input = data)
        fixed (byte* output = destination)
        {
            if (LibCrypto.EVP_DigestInit_ex2(handle, Digest, 0) != 1
                || LibCrypto.EVP_DigestUpdate(handle, input, (nuint)data.Length) != 1
                || LibCrypto.EVP_DigestFinal_ex(handle, output, &length) != 1
                || length != 32)
            {
                LibCrypto.ERR_clear_error();
                throw new InvalidOperationException("libcrypto failed to compute an SM3 digest");
            }
        }

        GC.KeepAlive(context);
    }

    private sealed class DigestContext : System.Runtime.InteropServices.SafeHandle
    {
        public DigestContext()
            : base(0, ownsHandle: true)
        {
            SetHandle(LibCrypto.EVP_MD_CTX_new());
            if (IsInvalid)
            {
                throw new InvalidOperationException("libcrypto could not allocate a digest context");
            }
        }

        public override bool IsInvalid => handle == 0;

        protected override bool ReleaseHandle()
        {
            LibCrypto.EVP_MD_CTX_free(handle);
            return true;
        }
    }
}
