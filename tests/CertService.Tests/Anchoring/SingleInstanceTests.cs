using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

/// <summary>SQLite serves one CertService instance; a second one over the same file refuses to start, says what to use instead, and exits non-zero.</summary>
public sealed class SingleInstanceTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly CertServiceFactory _first = new(anvil, TimeSpan.FromHours(1), StorageProvider.Sqlite);

    [Fact]
    public async Task A_second_instance_over_one_SQLite_database_refuses_to_start_names_PostgreSQL_and_exits_with_code_1()
    {
        using var running = _first.CreateClient();
        var bin = Path.GetDirectoryName(typeof(global::TrustLedger.CertService.Program).Assembly.Location)!;
        var keystore = Directory.CreateTempSubdirectory("trustledger-second-").FullName;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = keystore };
        foreach (var argument in new[] { Path.Combine(bin, "TrustLedger.CertService.dll"), "--urls", $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Testing";
        start.Environment["Storage__Provider"] = "Sqlite";
        start.Environment["Storage__ConnectionString"] = _first.ConnectionString;
        start.Environment["Storage__LookupKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        start.Environment["Keystore__Directory"] = keystore;
        start.Environment["Keystore__Passphrase"] = "second-instance-test";
        start.Environment["Chain__RpcUrl"] = anvil.RpcUrl;
        start.Environment["Chain__DeploymentFile"] = anvil.DeploymentFile;

        using var second = Process.Start(start)!;
        var output = second.StandardOutput.ReadToEndAsync();
        var error = second.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await second.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, second.ExitCode);
        var said = await output + await error;
        Assert.Contains("Another CertService instance is already using the SQLite database", said, StringComparison.Ordinal);
        Assert.Contains("Storage:Provider=Postgres", said, StringComparison.Ordinal);
        Directory.Delete(keystore, recursive: true);
    }

    public void Dispose() => _first.Dispose();
}
