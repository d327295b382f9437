using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Departments;

/// <summary>The configured departments, found by credit code or by (the hash of) an API key.</summary>
public sealed class DepartmentDirectory
{
    private readonly Dictionary<string, Department> _byCode = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Department> _byKeyHash = new(StringComparer.Ordinal);

    public DepartmentDirectory(IOptions<List<DepartmentOptions>> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var entry in options.Value)
        {
            var department = new Department(entry.CreditCode, entry.Name, new SigningKey(entry.SigningKey));
            _byCode.Add(entry.CreditCode, department);
            _byKeyHash.Add(entry.ApiKeySha256.ToLowerInvariant(), department);
        }
    }

    public IEnumerable<Department> All => _byCode.Values;

    public Department? ByCreditCode(string code) => _byCode.GetValueOrDefault(code);

    public Department? ByApiKey(string apiKey) => _byKeyHash.GetValueOrDefault(HashApiKey(apiKey));

    public static string HashApiKey(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
