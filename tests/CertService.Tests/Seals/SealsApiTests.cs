using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Keys;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Seals;

public sealed class SealsApiTests_Sqlite(AnvilNode anvil) : SealsApiTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class SealsApiTests_Postgres(AnvilNode anvil) : SealsApiTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class SealsApiTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    private static object SealRequest(string code) => new
    {
        code,
        name = "西安市市场监督管理局行政审批专用章",
        type = 1,
        validFrom = "2026-01-01T00:00:00+08:00",
        validUntil = "2029-12-31T23:59:59+08:00",
    };

    private SealRegistryClient Chain => new(Anvil.Chain.Web3, Anvil.Deployment.SealRegistry!);

    [Fact]
    public async Task A_created_seal_has_an_encrypted_key_here_and_its_key_hash_and_owner_on_chain()
    {
        _ = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();
        var code = "XA-SEAL-" + Guid.NewGuid().ToString("N")[..8];

        var response = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals", SealRequest(code));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var seal = await response.Content.ReadFromJsonAsync<JsonElement>();
        var publicKey = Convert.FromHexString(seal.GetProperty("publicKey").GetString()!);
        var (onChain, status) = (await Chain.GetAsync(code))!.Value;
        Assert.Equal(SealStatus.Active, status);
        Assert.Equal(SealRegistryClient.PublicKeyHashOf(publicKey), onChain.PublicKeyHash);
        Assert.Equal(TestDepartments.Demo.Key.Address, onChain.Owner, ignoreCase: true);
        var secret = await Service.Services.GetRequiredService<ISecretStore>().FindSecretAsync("seal-" + code);
        Assert.Equal(publicKey, TrustLedger.Ledger.Crypto.Sm2KeyPair.FromPrivateKey(secret!).PublicKeyBytes);
        var stored = await Service.WithStoreAsync(s => s.StoredKeys.AsNoTracking().SingleAsync(k => k.KeyId == "seal-" + code));
        Assert.Contains("\"scrypt\"", stored.Json, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(secret!), stored.Json, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Suspension_reinstatement_and_revocation_go_on_chain_and_revocation_is_final()
    {
        _ = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();
        using var anyone = Service.CreateClient();
        var code = "XA-SEAL-" + Guid.NewGuid().ToString("N")[..8];
        await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals", SealRequest(code));

        var suspended = await admin.PostAsJsonAsync($"/api/v1/admin/seals/{code}/suspend", new { reason = 3 });
        var publicView = await anyone.GetFromJsonAsync<JsonElement>($"/api/v1/seals/{code}");
        var reinstated = await admin.PostAsync($"/api/v1/admin/seals/{code}/reinstate", null);
        var revoked = await admin.PostAsJsonAsync($"/api/v1/admin/seals/{code}/revoke", new { reason = 9 });
        var again = await admin.PostAsync($"/api/v1/admin/seals/{code}/reinstate", null);

        Assert.Equal("suspended", (await suspended.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("suspended", publicView.GetProperty("status").GetString());
        Assert.Equal("active", (await reinstated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal("revoked", (await revoked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("SealIsRevoked", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(SealStatus.Revoked, (await Chain.GetAsync(code))!.Value.Status);
    }

    [Fact]
    public async Task Bad_seal_requests_and_non_admins_are_refused()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();

        var byDepartment = await department.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals", SealRequest("XA-SEAL-self"));
        var backwards = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
            new { code = "XA-SEAL-back", name = "章", validFrom = "2029-01-01T00:00:00Z", validUntil = "2026-01-01T00:00:00Z" });
        var badCode = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals", SealRequest("../x"));
        var unknownDepartment = await admin.PostAsJsonAsync("/api/v1/admin/departments/11430000006122244L/seals", SealRequest("XA-SEAL-none"));
        var missing = await Service.CreateClient().GetAsync("/api/v1/seals/XA-SEAL-missing");

        Assert.Equal(HttpStatusCode.Forbidden, byDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badCode.StatusCode);
        Assert.Contains("seal.code.format", await badCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownDepartment.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
