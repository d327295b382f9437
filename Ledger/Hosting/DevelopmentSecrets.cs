using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Hosting;

/// <summary>
/// Production never runs on development secrets. In any environment but Development and Testing
/// (Production, Staging, ...) a service refuses to start when a secret setting is missing, holds one of the values published in this repository
/// (appsettings.Development.json, the devnet scripts), asks for a keystore work factor below
/// scrypt N = 2^18, or trusts a deployment whose governance administrator is one of Anvil's default
/// accounts, whose private keys are public. Each refusal names the setting, never its value.
/// </summary>
public static class DevelopmentSecrets
{
    /// <summary>The smallest scrypt N accepted in production (go-ethereum's standard work factor).</summary>
    public const int MinimumScryptN = 262_144;

    /// <summary>Accounts 0 to 9 of Anvil's default mnemonic ("test test ... junk"): anyone can sign as them.</summary>
    public static readonly IReadOnlySet<string> PublicAccounts = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266", "0x70997970C51812dc3A010C7d01b50e0d17dc79C8",
        "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "0x90F79bf6EB2c4f870365E785982E1f101E93b906",
        "0x15d34AAf54267DB7D7c367839AAf71A00a2C6A65", "0x9965507D1a55bcC2695C58ba16FB37d819B0A4dc",
        "0x976EA74026E726554dB657fA54763abd0C3a0aa9", "0x14dC79964da2C08b23698B3D3cc7Ca32193d9955",
        "0x23618e81E3f5cdF7f54C3d65f7FBc0aBf5B21E8f", "0xa0Ee7A142d267C1f36714E4a8F75612F20a79720",
    };

    /// <summary>One setting and what is wrong with its value (null when nothing is).</summary>
    public sealed record Rule(string Setting, Func<string?, string?> Problem);

    /// <summary>A secret that must be set, at least 16 characters, and none of the published values.</summary>
    public static Rule Secret(string setting, params string[] published) => new(setting, value =>
        string.IsNullOrWhiteSpace(value) ? "is not set"
        : published.Contains(value, StringComparer.Ordinal) ? "holds the development value published in this repository"
        : value.Length < 16 ? "is shorter than 16 characters"
        : null);

    /// <summary>The SHA-256 (hex) of a key: must be set and not the hash of a published key.</summary>
    public static Rule KeyHash(string setting, params string[] publishedKeys) => new(setting, value =>
        string.IsNullOrWhiteSpace(value) ? "is not set"
        : publishedKeys.Any(k => string.Equals(value, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(k))), StringComparison.OrdinalIgnoreCase))
            ? "is the hash of the development key published in this repository"
        : null);

    /// <summary>A keystore's scrypt N: unset (the strong default) or at least <see cref="MinimumScryptN"/>.</summary>
    public static Rule WorkFactor(string setting) => new(setting, value =>
        value is null ? null
        : !int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < MinimumScryptN
            ? $"is below scrypt N = {MinimumScryptN}, the production work factor"
        : null);

    /// <summary>The trusted deployment file: it must exist and its governance administrator must not be a public account.</summary>
    public static Rule Deployment(string setting) => new(setting, path =>
    {
        if (string.IsNullOrWhiteSpace(path) || DeploymentRecord.TryLoad(path) is not { } deployment)
        {
            return "names no deployment file that can be read";
        }

        return PublicAccounts.Contains(deployment.GovernanceAdmin)
            ? $"trusts a deployment whose governance administrator {deployment.GovernanceAdmin} is an Anvil development account with a public key"
            : null;
    });

    /// <summary>What is wrong, setting by setting; empty in Development and Testing.</summary>
    public static IReadOnlyList<string> Find(IHostEnvironment environment, IConfiguration configuration, IEnumerable<Rule> rules)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(rules);
        // Production, Staging or any other name: only the two environments that are this repository's own run on its secrets.
        if (environment.IsDevelopment() || environment.IsEnvironment("Testing"))
        {
            return [];
        }

        var problems = new List<string>();
        foreach (var rule in rules)
        {
            string? problem;
            try
            {
                problem = rule.Problem(configuration[rule.Setting]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
            {
                problem = "cannot be read";
            }

            if (problem is not null)
            {
                problems.Add($"{rule.Setting} {problem}");
            }
        }

        return problems;
    }

    /// <summary>
    /// Prints why the service refuses to start and returns the exit code (78, EX_CONFIG), or returns
    /// null when nothing is wrong.
    /// </summary>
    public static int? Refuse(IHostEnvironment environment, IConfiguration configuration, IEnumerable<Rule> rules, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        var problems = Find(environment, configuration, rules);
        if (problems.Count == 0)
        {
            return null;
        }

        error.WriteLine("生产环境拒绝以开发用密钥或缺失的密钥启动。Production refuses to start on development or missing secrets:");
        foreach (var problem in problems)
        {
            error.WriteLine("  " + problem);
        }

        return 78;
    }
}
