using Org.BouncyCastle.Crypto.Digests;
using TrustLedger.Ledger.Crypto.OpenSsl;

namespace TrustLedger.Ledger.Hashing;

/// <summary>
/// SM3 (GB/T 32905): libcrypto (OpenSSL 3) where it loads, BouncyCastle otherwise; both give the
/// same digests (tests cross-check them). Thread-safe.
/// </summary>
public sealed class Sm3HashFunction : IHashFunction
{
    public static readonly Sm3HashFunction Instance = new();

    public HashAlgorithmId Id => HashAlgorithmId.Sm3;

    public string Name => "SM3";

    /// <summary>Which implementation hashes in this process: <c>OpenSSL</c> or <c>BouncyCastle</c>.</summary>
    public static string Implementation => LibCrypto.IsAvailable ? "OpenSSL" : "BouncyCastle";

    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        if (LibCrypto.IsAvailable)
        {
            OpenSslSm3.Hash(data, destination);
        }
        else
        {
            Reference(data, destination);
        }
    }

    /// <summary>SM3 by BouncyCastle, the reference the libcrypto path is checked against.</summary>
    public static void Reference(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }
}
