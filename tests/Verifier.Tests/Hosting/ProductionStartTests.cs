using System.Diagnostics;
using TrustLedger.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Hosting;

/// <summary>
/// Both services, started as real processes in the Production environment with the development
/// settings this repository publishes, refuse to start: exit code 78 and a message naming each
/// setting, before they listen or touch a key.
/// </summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("production-start-").FullName;

    [Fact]
    public async Task The_Verifier_refuses_to_start_in_Production_on_development_secrets()
    {
        var (code, error) = await RunAsync("Verifier", new()
        {
            ["Receipts__Passphrase"] = "dev-only-verifier-passphrase",
            ["Receipts__ScryptN"] = "4096",
            ["CertService__ApiKey"] = "dev-verifier-service-key",
            ["Chain__DeploymentFile"] = AnvilGovernedDeployment(),
        });

        Assert.Equal(78, code);
        foreach (var setting in new[] { "Receipts:Passphrase", "Receipts:ScryptN", "CertService:ApiKey", "Chain:DeploymentFile" })
        {
            Assert.Contains(setting, error, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("dev-only-verifier-passphrase", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertService_refuses_to_start_in_Production_on_development_secrets()
    {
        // The values of CertService/appsettings.Development.json, given to a Production process.
        var (code, error) = await RunAsync("CertService", new()
        {
            ["Keystore__Passphrase"] = "dev-only-keystore-passphrase",
            ["Keystore__ScryptN"] = "4096",
            ["Access__AdminApiKeySha256"] = "df76ff796f70d2c9cb055ea6280553caa27eda26b70e01082c160de75a05a4a9",
            ["Access__VerifierApiKeySha256"] = "53e3c0d31df911fa26c8ba17a6848114fd867558f2dc8021fc331c72175be9cf",
            ["Storage__LookupKey"] = "ZGV2LW9ubHktbG9va3VwLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24h",
            ["Chain__DeploymentFile"] = AnvilGovernedDeployment(),
        });

        Assert.Equal(78, code);
        foreach (var setting in new[] { "Keystore:Passphrase", "Keystore:ScryptN", "Access:AdminApiKeySha256", "Access:VerifierApiKeySha256", "Storage:LookupKey", "Chain:DeploymentFile" })
        {
            Assert.Contains(setting, error, StringComparison.Ordinal);
        }
    }

    private string AnvilGovernedDeployment()
    {
        var path = Path.Combine(_folder, "deployment.json");
        new DeploymentRecord(1337, "0x" + new string('a', 64), "0x01", "0x02", null, 1, "0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266").Save(path);
        return path;
    }

    private async Task<(int Code, string Error)> RunAsync(string service, Dictionary<string, string> environment)
    {
        var output = RepositoryRoot.Combine(service, "bin", "Release", "net10.0");
        var start = new ProcessStartInfo("dotnet", [Path.Combine(output, $"TrustLedger.{service}.dll"), "--urls", "http://127.0.0.1:0"])
        {
            WorkingDirectory = _folder,
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{service} did not exit in Production with development secrets: it started");
        }

        return (process.ExitCode, await error);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
