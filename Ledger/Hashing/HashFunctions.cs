namespace TrustLedger.Ledger.Hashing;

/// <summary>Looks hash functions up by the id recorded on chain or the name carried in bundles.</summary>
public static class HashFunctions
{
    public const int DigestSize = 32;

    public static IHashFunction ById(HashAlgorithmId id) => id switch
    {
        HashAlgorithmId.Sm3 => Sm3HashFunction.Instance,
        HashAlgorithmId.Sha256 => Sha256HashFunction.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "unknown hash algorithm id"),
    };

    public static bool TryByName(string? name, out IHashFunction hash)
    {
        hash = name?.ToUpperInvariant() switch
        {
            "SM3" => Sm3HashFunction.Instance,
            "SHA-256" or "SHA256" => Sha256HashFunction.Instance,
            _ => null!,
        };
        return hash is not null;
    }

    /// <summary>The function of a name known to be valid (validated configuration or stored data).</summary>
    public static IHashFunction ByName(string name) =>
        TryByName(name, out var hash) ? hash : throw new ArgumentException($"unknown hash algorithm {name}", nameof(name));

    public static byte[] Hash(this IHashFunction hash, ReadOnlySpan<byte> data)
    {
        var digest = new byte[DigestSize];
        hash.Hash(data, digest);
        return digest;
    }
}
