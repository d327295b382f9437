using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Storage;

namespace TrustLedger.Tests.Testing;

/// <summary>CertService in-process, on a fresh SQLite file, anchoring to the given Anvil node.</summary>
/// <remarks>An anchoring interval of an hour leaves anchoring to the test, which drives <c>AnchoringWorker.RunRoundAsync</c>.</remarks>
/// <remarks>
/// Pass <c>shareWith</c> for a second instance over the same database and lookup key, as in an
/// active-active deployment.
/// </remarks>
public sealed class CertServiceFactory(AnvilNode anvil, TimeSpan? anchoringInterval = null, StorageProvider provider = StorageProvider.Sqlite, CertServiceFactory? shareWith = null)
    : WebApplicationFactory<CertService.Program>
{
    private readonly Lazy<string> _connectionString = new(() => shareWith?.ConnectionString ?? (provider == StorageProvider.Postgres
        ? PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult()
        : $"Data Source={Path.Combine(Path.GetTempPath(), $"certservice-{Guid.NewGuid():N}.db")}"));

    private readonly string _lookupKey = shareWith?._lookupKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public StorageProvider Provider => shareWith?.Provider ?? provider;

    public string ConnectionString => _connectionString.Value;

    private string? SqlitePath => Provider == StorageProvider.Sqlite ? ConnectionString["Data Source=".Length..] : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Chain:RpcUrl", anvil.RpcUrl);
        builder.UseSetting("Chain:DeploymentFile", anvil.DeploymentFile);
        builder.UseSetting("Storage:Provider", Provider.ToString());
        builder.UseSetting("Storage:ConnectionString", ConnectionString);
        builder.UseSetting("Storage:LookupKey", _lookupKey);
        builder.UseSetting("Anchoring:Interval", (anchoringInterval ?? TimeSpan.FromMilliseconds(500)).ToString());
        builder.UseSetting("Anchoring:MaxLeaves", "1000");
        var index = 0;
        foreach (var department in new[] { TestDepartments.Demo, TestDepartments.Other })
        {
            builder.UseSetting($"Departments:{index}:CreditCode", department.CreditCode);
            builder.UseSetting($"Departments:{index}:Name", department.Name);
            builder.UseSetting($"Departments:{index}:ApiKeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(department.ApiKey))));
            builder.UseSetting($"Departments:{index}:SigningKey", department.KeyHex);
            index++;
        }

    }

    public HttpClient ClientFor(TestDepartment department)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", department.ApiKey);
        return client;
    }

    public async Task<T> WithStoreAsync<T>(Func<CertificateStore, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CertificateStore>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (shareWith is null && SqlitePath is { } path && _connectionString.IsValueCreated)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(path + suffix);
            }
        }
    }
}
