using System.Security.Cryptography;
using System.Text;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// API keys: 256 random bits, shown once; only the SHA-256 hash is stored (a stolen database gives
/// no usable key), and a short prefix so people can tell keys apart.
/// </summary>
public static class ApiKeys
{
    private const string Scheme = "tlk_";

    public static (string Key, string Hash, string Prefix) Generate()
    {
        var key = Scheme + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, Hash(key), key[..12]);
    }

    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
