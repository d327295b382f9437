using System.Security.Cryptography;

namespace TrustLedger.Ledger.Hashing;

/// <summary>SHA-256 (FIPS 180-4), selectable for interoperability with international verifiers.</summary>
public sealed class Sha256HashFunction : IHashFunction
{
    public static readonly Sha256HashFunction Instance = new();

    public HashAlgorithmId Id => HashAlgorithmId.Sha256;

    public string Name => "SHA-256";

    public void Hash(ReadOnlySpan<byte> data, Span<byte> destination) => SHA256.HashData(data, destination);
}
