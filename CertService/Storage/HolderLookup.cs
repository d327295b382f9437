using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// The keyed hash (HMAC-SHA256) that lets a department search by holder code without the database
/// holding the code in a form anyone can search by guessing: without the key, a dump of the column
/// cannot be matched against ID numbers.
/// </summary>
public sealed class HolderLookup(IOptions<StorageOptions> options)
{
    private readonly byte[] _key = Convert.FromBase64String(options.Value.LookupKey);

    public byte[] Hash(string holderCode) => HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(holderCode.Trim().ToUpperInvariant()));

    public static bool IsValidKey(string? key)
    {
        if (string.IsNullOrWhiteSpace(key))
        {
            return false;
        }

        var buffer = new byte[key.Length];
        return Convert.TryFromBase64String(key, buffer, out var written) && written >= 32;
    }
}
