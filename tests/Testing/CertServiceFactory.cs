using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;
using System.Text.Json;
using TrustLedger.CertService.Storage;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.Tests.Testing;

/// <summary>CertService in-process, on a fresh SQLite file, anchoring to the given Anvil node.</summary>
/// <remarks>An anchoring interval of an hour leaves anchoring to the test, which drives <c>AnchoringPipeline.RunRoundAsync</c>.</remarks>
/// <remarks>
/// Pass <c>shareWith</c> for a second instance over the same database and lookup key, as in an
/// active-active deployment.
/// </remarks>
/// <remarks><c>settings</c> override configuration keys (e.g. <c>Anchoring:LeasePeriod</c>) for this instance only.</remarks>
public sealed class CertServiceFactory(
    AnvilNode anvil, TimeSpan? anchoringInterval = null, StorageProvider provider = StorageProvider.Sqlite, CertServiceFactory? shareWith = null, IReadOnlyDictionary<string, string>? settings = null)
    : WebApplicationFactory<CertService.Program>
{
    private readonly Lazy<string> _connectionString = new(() => shareWith?.ConnectionString ?? (provider == StorageProvider.Postgres
        ? PostgresServer.CreateDatabaseAsync().GetAwaiter().GetResult()
        : $"Data Source={Path.Combine(Path.GetTempPath(), $"certservice-{Guid.NewGuid():N}.db")}"));

    private readonly string _lookupKey = shareWith?._lookupKey ?? Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private readonly KeyStoreOptions _keystore = shareWith?._keystore ?? SeedKeystore();

    private readonly Dictionary<string, string> _apiKeys = new(StringComparer.Ordinal);

    public const string AdminApiKey = "test-admin-key";

    /// <summary>The Verifier's service key at CertService, for QR lookups.</summary>
    public const string VerifierServiceKey = "test-verifier-service-key";

    /// <summary>The symmetric key of the test identity platform (HMAC-SHA256), for minting bearer tokens.</summary>
    public static readonly byte[] OidcSigningKey = RandomNumberGenerator.GetBytes(32);

    public const string OidcIssuer = "https://idp.test.xa.gov.cn";

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
        builder.UseSetting("Keystore:Directory", _keystore.Directory);
        builder.UseSetting("DataTrust:Directory", Path.Combine(_keystore.Directory, "..", $"datasets-{Guid.NewGuid():N}"));
        builder.UseSetting("Keystore:Passphrase", _keystore.Passphrase);
        builder.UseSetting("Keystore:ScryptN", _keystore.ScryptN.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Access:AdminApiKeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AdminApiKey))));
        builder.UseSetting("Access:VerifierApiKeySha256", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(VerifierServiceKey))));
        builder.UseSetting("Access:Oidc:Issuer", OidcIssuer);
        builder.UseSetting("Access:Oidc:SigningKey", Convert.ToBase64String(OidcSigningKey));
        // Tests call anonymous endpoints far faster than any one citizen; the limit itself has its own tests.
        builder.UseSetting("RateLimits:Anonymous:PermitLimit", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>
    /// A client signed in as a holder on the identity platform: a bearer token whose holder claim
    /// carries their (real-name verified) ID number or credit code.
    /// </summary>
    public HttpClient HolderClient(string holderCode)
    {
        var handler = new System.IdentityModel.Tokens.Jwt.JwtSecurityTokenHandler();
        var token = handler.CreateEncodedJwt(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = OidcIssuer,
            Audience = "trustledger-holder",
            Subject = new System.Security.Claims.ClaimsIdentity([new("sub", "citizen-" + holderCode[^4..]), new("holder_code", holderCode)]),
            Expires = DateTime.UtcNow.AddMinutes(30),
            SigningCredentials = new Microsoft.IdentityModel.Tokens.SigningCredentials(
                new Microsoft.IdentityModel.Tokens.SymmetricSecurityKey(OidcSigningKey), Microsoft.IdentityModel.Tokens.SecurityAlgorithms.HmacSha256),
        });
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers a relying agency with a fresh SM2 key through the admin API; returns its client and private key.</summary>
    public async Task<(HttpClient Client, TrustLedger.Ledger.Crypto.Sm2KeyPair Key, string Code)> RegisterAgencyAsync(string code, string name = "西安市住房公积金管理中心（测试）")
    {
        var key = TrustLedger.Ledger.Crypto.Sm2KeyPair.Generate();
        using var admin = AdminClient();
        var response = await admin.PostAsJsonAsync("/api/v1/admin/agencies", new { code, name, encryptionPublicKey = Convert.ToHexStringLower(key.PublicKeyBytes) });
        response.EnsureSuccessStatusCode();
        var apiKey = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return (client, key, code);
    }

    /// <summary>Runs the document stage now: renders and seals the PDF of every accepted certificate.</summary>
    public async Task SealDocumentsAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CertService.Documents.DocumentStage>().SealWaitingAsync(int.MaxValue, CancellationToken.None);
    }

    /// <summary>A client authenticated as the department: onboarded through the admin API on first use, with a fresh API key.</summary>
    public HttpClient ClientFor(TestDepartment department)
    {
        ArgumentNullException.ThrowIfNull(department);
        string key;
        lock (_apiKeys)
        {
            if (!_apiKeys.TryGetValue(department.CreditCode, out key!))
            {
                key = OnboardAsync(department).GetAwaiter().GetResult();
                _apiKeys[department.CreditCode] = key;
            }
        }

        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        return client;
    }

    public HttpClient AdminClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminApiKey);
        return client;
    }

    private async Task<string> OnboardAsync(TestDepartment department)
    {
        using var admin = AdminClient();
        var onboarded = await admin.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = department.CreditCode, name = department.Name });
        if (!onboarded.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"onboarding {department.CreditCode} answered {onboarded.StatusCode}: {await onboarded.Content.ReadAsStringAsync()}");
        }

        var created = await admin.PostAsync($"/api/v1/admin/departments/{department.CreditCode}/api-keys", null);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    // The governance key and the devnet departments' keys, encrypted as a real keystore (light scrypt for speed).
    private static KeyStoreOptions SeedKeystore()
    {
        var options = new KeyStoreOptions
        {
            Directory = Directory.CreateTempSubdirectory("trustledger-keystore-").FullName,
            Passphrase = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)),
            ScryptN = 1024,
        };
        var keystore = new FileKeyStore(options);
        keystore.SaveAsync("governance", DevelopmentKeys.GovernanceAdmin).GetAwaiter().GetResult();
        keystore.SaveAsync(TestDepartments.Demo.CreditCode, TestDepartments.Demo.Key).GetAwaiter().GetResult();
        keystore.SaveAsync(TestDepartments.Other.CreditCode, TestDepartments.Other.Key).GetAwaiter().GetResult();
        return options;
    }

    public async Task<T> WithStoreAsync<T>(Func<CertificateStore, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CertificateStore>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (shareWith is null && Directory.Exists(_keystore.Directory))
        {
            Directory.Delete(_keystore.Directory, recursive: true);
        }

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
