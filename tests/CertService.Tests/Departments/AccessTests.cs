using Microsoft.Extensions.DependencyInjection;
using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Departments;

public sealed class AccessTests_Sqlite(AnvilNode anvil) : AccessTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class AccessTests_Postgres(AnvilNode anvil) : AccessTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>Who may do what: API keys (revocable at once), identity-platform tokens, and the admin-only API.</summary>
public abstract class AccessTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task A_revoked_API_key_stops_working_at_once()
    {
        using var admin = Service.AdminClient();
        _ = Service.ClientFor(TestDepartments.Demo);
        var created = await (await admin.PostAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        using var client = Service.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.GetProperty("key").GetString());
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence())).StatusCode);

        var revoked = await admin.DeleteAsync($"/api/v1/admin/api-keys/{created.GetProperty("id").GetGuid()}");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence())).StatusCode);
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys");
        Assert.Contains(listed.EnumerateArray(), k => k.GetProperty("id").GetGuid() == created.GetProperty("id").GetGuid() && k.GetProperty("revokedBy").GetString() == "admin-api-key");
    }

    [Fact]
    public async Task An_API_key_is_shown_once_and_stored_only_as_a_hash()
    {
        using var admin = Service.AdminClient();
        _ = Service.ClientFor(TestDepartments.Demo);
        var created = await (await admin.PostAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys", null)).Content.ReadFromJsonAsync<JsonElement>();
        var key = created.GetProperty("key").GetString()!;

        var listed = await admin.GetStringAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys");
        var stored = await Service.WithStoreAsync(s => s.ApiKeys.AsNoTracking().ToListAsync());

        Assert.DoesNotContain(key, listed, StringComparison.Ordinal);
        Assert.DoesNotContain(stored, k => k.KeyHash.Contains(key, StringComparison.Ordinal) || k.Prefix == key);
        Assert.Contains(stored, k => k.Prefix == key[..12]);
    }

    [Fact]
    public async Task A_department_token_from_the_identity_platform_issues_certificates()
    {
        _ = Service.ClientFor(TestDepartments.Demo);
        using var client = Service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new Claim("credit_code", TestDepartments.Demo.CreditCode)));

        var response = await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("wrong-audience")]
    [InlineData("expired")]
    [InlineData("wrong-key")]
    public async Task A_token_that_does_not_validate_is_refused(string flaw)
    {
        using var client = Service.CreateClient();
        var token = flaw switch
        {
            "wrong-audience" => Token([new Claim("credit_code", TestDepartments.Demo.CreditCode)], audience: "someone-else"),
            "expired" => Token([new Claim("credit_code", TestDepartments.Demo.CreditCode)], expires: DateTime.UtcNow.AddMinutes(-10)),
            _ => Token([new Claim("credit_code", TestDepartments.Demo.CreditCode)], key: System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence())).StatusCode);
    }

    [Fact]
    public async Task Departments_cannot_use_the_admin_API_and_admins_can_with_a_token_role()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var tokenAdmin = Service.CreateClient();
        tokenAdmin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new Claim("roles", "trustledger.admin"), new Claim("sub", "zhang.admin")));

        var refused = await department.PostAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys", null);
        var allowed = await tokenAdmin.GetAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
    }

    [Fact]
    public async Task Granting_writes_the_registry_on_chain_and_records_who_did_it()
    {
        using var department = Service.ClientFor(TestDepartments.Other);
        using var admin = Service.CreateClient();
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(new Claim("roles", "trustledger.admin"), new Claim("sub", "li.registrar")));
        const string marriage = "11100000000013127D001";
        var sample = Issuing.Sample(marriage);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/v1/certificates", sample)).StatusCode);

        var grant = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Other.CreditCode}/grants", new { typeCode = marriage });

        Assert.Equal(HttpStatusCode.OK, grant.StatusCode);
        var view = await grant.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("oidc:li.registrar", view.GetProperty("by").GetString());
        Assert.True(await Anvil.Registry.WasAuthorisedAtAsync(TestDepartments.Other.Key.Address, marriage, (ulong)view.GetProperty("blockNumber").GetInt64()));
        Assert.Equal(HttpStatusCode.Accepted, (await department.PostAsJsonAsync("/api/v1/certificates", sample)).StatusCode);

        var revoke = await admin.DeleteAsync($"/api/v1/admin/departments/{TestDepartments.Other.CreditCode}/grants/{marriage}");
        Assert.Equal(HttpStatusCode.OK, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsJsonAsync("/api/v1/certificates", sample)).StatusCode);
        var audit = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/departments/{TestDepartments.Other.CreditCode}/grants");
        Assert.Equal(["grant", "revoke"], audit.EnumerateArray().Where(a => a.GetProperty("typeCode").GetString() == marriage).Select(a => a.GetProperty("action").GetString()));
    }

    [Fact]
    public async Task Onboarding_a_new_department_generates_an_encrypted_key_and_registers_it_on_chain()
    {
        using var admin = Service.AdminClient();
        const string code = "12610100MB2957025X";

        var first = await admin.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = code, name = "西安市住房公积金管理中心" });
        var again = await admin.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = code, name = "西安市住房公积金管理中心" });
        var invalid = await admin.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = "12610100MB29570250", name = "坏代码" });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var account = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("account").GetString()!;
        var onChain = await Anvil.Registry.GetDepartmentAsync(account);
        Assert.Equal(code, onChain.CreditCode);
        // The key is in the shared keystore (the database), encrypted under the passphrase: never in plain form.
        var stored = await Service.WithStoreAsync(s => s.StoredKeys.AsNoTracking().SingleAsync(k => k.KeyId == code));
        Assert.Contains("\"scrypt\"", stored.Json, StringComparison.Ordinal);
        Assert.Contains("ciphertext", stored.Json, StringComparison.Ordinal);
        var key = await Service.Services.GetRequiredService<TrustLedger.Ledger.Keys.IKeyStore>().FindAsync(code);
        Assert.Equal(account, key!.Address, ignoreCase: true);
    }

    private static string Token(params Claim[] claims) => Token(claims, audience: null);

    private static string Token(Claim[] claims, string? audience = null, DateTime? expires = null, byte[]? key = null)
    {
        var handler = new JwtSecurityTokenHandler();
        var now = DateTime.UtcNow;
        var token = handler.CreateJwtSecurityToken(new SecurityTokenDescriptor
        {
            Issuer = CertServiceFactory.OidcIssuer,
            Audience = audience ?? "trustledger-certservice",
            Subject = new ClaimsIdentity(claims),
            NotBefore = (expires ?? now.AddMinutes(10)).AddMinutes(-20),
            Expires = expires ?? now.AddMinutes(10),
            IssuedAt = (expires ?? now.AddMinutes(10)).AddMinutes(-20),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key ?? CertServiceFactory.OidcSigningKey), SecurityAlgorithms.HmacSha256),
        });
        return handler.WriteToken(token);
    }
}
