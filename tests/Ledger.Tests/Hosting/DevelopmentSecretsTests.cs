using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hosting;

namespace TrustLedger.Tests.Ledger.Hosting;

/// <summary>Each rule of the production guard on its own: what it refuses, what it lets through, and that it names the setting only.</summary>
public sealed class DevelopmentSecretsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("secrets-").FullName;

    private static readonly DevelopmentSecrets.Rule[] Rules =
    [
        DevelopmentSecrets.Secret("Keystore:Passphrase", "dev-only-keystore-passphrase"),
        DevelopmentSecrets.WorkFactor("Keystore:ScryptN"),
        DevelopmentSecrets.KeyHash("Access:AdminApiKeySha256", "dev-admin-key"),
        DevelopmentSecrets.Deployment("Chain:DeploymentFile"),
    ];

    [Fact]
    public void Outside_Production_nothing_is_refused()
    {
        Assert.Empty(DevelopmentSecrets.Find(Environment("Development"), Settings([]), Rules));
        Assert.Empty(DevelopmentSecrets.Find(Environment("Testing"), Settings([]), Rules));
    }

    [Fact]
    public void Production_with_the_development_values_is_refused_setting_by_setting_without_echoing_them()
    {
        var problems = DevelopmentSecrets.Find(Environment("Production"), Settings(new()
        {
            ["Keystore:Passphrase"] = "dev-only-keystore-passphrase",
            ["Keystore:ScryptN"] = "4096",
            ["Access:AdminApiKeySha256"] = Hash("dev-admin-key").ToUpperInvariant(),
            ["Chain:DeploymentFile"] = DeploymentGovernedBy("0xf39fd6e51aad88f6f4ce6ab8827279cfffb92266"),
        }), Rules);

        Assert.Equal(4, problems.Count);
        Assert.StartsWith("Keystore:Passphrase ", problems[0], StringComparison.Ordinal);
        Assert.StartsWith("Keystore:ScryptN ", problems[1], StringComparison.Ordinal);
        Assert.StartsWith("Access:AdminApiKeySha256 ", problems[2], StringComparison.Ordinal);
        Assert.Contains("Anvil", problems[3], StringComparison.Ordinal);
        Assert.DoesNotContain(problems, p => p.Contains("dev-only-keystore-passphrase", StringComparison.Ordinal));
    }

    [Fact]
    public void Production_with_missing_secrets_is_refused()
    {
        var problems = DevelopmentSecrets.Find(Environment("Production"), Settings([]), Rules);

        Assert.Contains("Keystore:Passphrase is not set", problems);
        Assert.Contains("Access:AdminApiKeySha256 is not set", problems);
        Assert.Contains(problems, p => p.StartsWith("Chain:DeploymentFile ", StringComparison.Ordinal));
        Assert.DoesNotContain(problems, p => p.StartsWith("Keystore:ScryptN", StringComparison.Ordinal)); // unset means the strong default
    }

    [Fact]
    public void Production_with_real_secrets_starts()
    {
        var problems = DevelopmentSecrets.Find(Environment("Production"), Settings(new()
        {
            ["Keystore:Passphrase"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            ["Keystore:ScryptN"] = "262144",
            ["Access:AdminApiKeySha256"] = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))),
            ["Chain:DeploymentFile"] = DeploymentGovernedBy(SigningKey.Generate().Address),
        }), Rules);

        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("  ")]
    [InlineData("131072")]
    public void Weak_values_are_refused(string value)
    {
        var problems = DevelopmentSecrets.Find(Environment("Production"), Settings(new() { ["Keystore:Passphrase"] = value, ["Keystore:ScryptN"] = value }), Rules);

        Assert.Contains(problems, p => p.StartsWith("Keystore:Passphrase ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Keystore:ScryptN ", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreadable_deployment_file_is_a_refusal_not_a_crash()
    {
        var path = Path.Combine(_folder, "broken.json");
        File.WriteAllText(path, "{ not json");

        var problems = DevelopmentSecrets.Find(Environment("Production"), Settings(new() { ["Chain:DeploymentFile"] = path }), [DevelopmentSecrets.Deployment("Chain:DeploymentFile")]);

        Assert.Equal(["Chain:DeploymentFile cannot be read"], problems);
    }

    private string DeploymentGovernedBy(string admin)
    {
        var path = Path.Combine(_folder, $"deployment-{Guid.NewGuid():N}.json");
        new DeploymentRecord(1337, "0x" + new string('a', 64), "0x01", "0x02", null, 1, admin).Save(path);
        return path;
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    private static IConfiguration Settings(Dictionary<string, string?> values) => new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Host Environment(string name) => new(name);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private sealed class Host(string name) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = name;

        public string ApplicationName { get; set; } = "test";

        public string ContentRootPath { get; set; } = "/";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
