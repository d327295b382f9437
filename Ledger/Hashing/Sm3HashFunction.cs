using Org.BouncyCastle.Crypto.Digests;

namespace TrustLedger.Ledger.Hashing;

/// <summary>SM3 (GB/T 32905) through BouncyCastle. Thread-safe: each call uses its own digest state.</summary>
public sealed class Sm3HashFunction : IHashFunction
{
    public static readonly Sm3HashFunction Instance = new();

    public HashAlgorithmId Id => HashAlgorithmId.Sm3;

    public string Name => "SM3";

    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        var digest = new SM3Digest();
        digest.BlockUpdate(data);
        digest.DoFinal(destination);
    }
}
