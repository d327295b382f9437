namespace TrustLedger.Ledger.Hashing;

/// <summary>A 256-bit cryptographic hash function.</summary>
public interface IHashFunction
{
    HashAlgorithmId Id { get; }

    /// <summary>The name used in bundles and APIs: <c>SM3</c> or <c>SHA-256</c>.</summary>
    string Name { get; }

    /// <summary>Writes the 32-byte digest of <paramref name="data"/> into <paramref name="destination"/>.</summary>
    void Hash(ReadOnlySpan<byte> data, Span<byte> destination);
}
