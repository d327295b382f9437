using System.IdentityModel.Tokens.Jwt;
using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Departments;

/// <summary>
/// CertService against a real OpenID Connect provider (oidc-provider on loopback): tokens validated
/// through discovery and the JWKS, ES256 and RS256 only, a signing-key rotation at the provider
/// picked up without a restart, and department and holder tokens told apart by audience, so one
/// can never act as the other.
/// </summary>
public sealed class IdentityPlatformTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IAsyncLifetime, IDisposable
{
    private static readonly string[] AdminRoles = ["trustledger.admin"];
    private static readonly string[] AuditorAndAdminRoles = ["trustledger.admin", "trustledger.auditor"];
    private const string DepartmentAudience = "urn:trustledger:certservice";
    private const string HolderAudience = "urn:trustledger:holder";
    private const string AuditorAudience = "urn:trustledger:auditor";
    private const string HolderCode = "610102199001011234";
    private OidcProvider _provider = null!;
    private CertServiceFactory _service = null!;

    public async Task InitializeAsync()
    {
        var department = new Dictionary<string, object> { ["credit_code"] = TestDepartments.Demo.CreditCode };
        _provider = await OidcProvider.StartAsync(
            new OidcClient("demo-es256", Secret(), DepartmentAudience, "ES256", department),
            new OidcClient("demo-rs256", Secret(), DepartmentAudience, "RS256", department),
            new OidcClient("registrar", Secret(), DepartmentAudience, "ES256", new Dictionary<string, object> { ["roles"] = AdminRoles }),
            new OidcClient("citizen", Secret(), HolderAudience, "ES256", new Dictionary<string, object> { ["holder_code"] = HolderCode }),
            // A holder-audience token that also claims a department's credit code: it must not act as that department.
            new OidcClient("citizen-claiming-a-department", Secret(), HolderAudience, "ES256", new Dictionary<string, object> { ["holder_code"] = HolderCode, ["credit_code"] = TestDepartments.Demo.CreditCode }),
            // Tokens carrying TrustLedger's own internal claim names: a platform that lets a client shape claims must not make it an admin.
            new OidcClient("injector", Secret(), DepartmentAudience, "ES256", new Dictionary<string, object> { ["trustledger:admin"] = "true", ["trustledger:verifier"] = "true" }),
            new OidcClient("citizen-injector", Secret(), HolderAudience, "ES256", new Dictionary<string, object> { ["holder_code"] = HolderCode, ["trustledger:credit_code"] = TestDepartments.Demo.CreditCode }),
            // An auditor's token that also claims a department, a holder and the admin role: it only ever reads audit views.
            new OidcClient("auditor", Secret(), AuditorAudience, "ES256", new Dictionary<string, object>
            {
                ["credit_code"] = TestDepartments.Demo.CreditCode, ["holder_code"] = HolderCode, ["roles"] = AuditorAndAdminRoles,
            }),
            // The auditor audience without the auditor role: no auditor.
            new OidcClient("auditor-audience-only", Secret(), AuditorAudience, "ES256", new Dictionary<string, object>()));
        _service = new CertServiceFactory(anvil, TimeSpan.FromHours(1), settings: new Dictionary<string, string>
        {
            ["Access:Oidc:Authority"] = _provider.Authority,
            ["Access:Oidc:Issuer"] = _provider.Authority,
            ["Access:Oidc:SigningKey"] = "",
            ["Access:Oidc:Audience"] = DepartmentAudience,
            ["Access:Oidc:HolderAudience"] = HolderAudience,
            ["Access:Oidc:AuditorAudience"] = AuditorAudience,
            ["Access:Oidc:JwksRefreshInterval"] = "00:00:01",
        });
        _service.ClientFor(TestDepartments.Demo).Dispose(); // onboards the department with the admin key
    }

    [Theory]
    [InlineData("demo-es256")]
    [InlineData("demo-rs256")]
    public async Task A_department_token_from_the_platform_acts_as_that_department(string client)
    {
        using var http = await ClientWithAsync(await _provider.TokenAsync(client));

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/api/v1/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/holder/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.GetAsync("/api/v1/admin/pipeline")).StatusCode);
    }

    [Fact]
    public async Task A_holder_token_acts_as_a_holder_and_never_as_a_department()
    {
        using var holder = await ClientWithAsync(await _provider.TokenAsync("citizen"));
        using var claiming = await ClientWithAsync(await _provider.TokenAsync("citizen-claiming-a-department"));

        Assert.Equal(HttpStatusCode.OK, (await holder.GetAsync("/api/v1/holder/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.GetAsync("/api/v1/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await claiming.GetAsync("/api/v1/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await claiming.PostAsync("/api/v1/certificates", JsonContent(Issuing.BusinessLicence().ToJsonString()))).StatusCode);
    }

    [Fact]
    public async Task Claims_named_like_TrustLedgers_own_grant_nothing()
    {
        using var injector = await ClientWithAsync(await _provider.TokenAsync("injector"));
        using var citizen = await ClientWithAsync(await _provider.TokenAsync("citizen-injector"));

        Assert.Equal(HttpStatusCode.Forbidden, (await injector.GetAsync("/api/v1/admin/pipeline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await injector.GetAsync($"/api/v1/verification/{Guid.NewGuid()}?h=0123456789abcdef")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await citizen.GetAsync("/api/v1/certificates")).StatusCode);
    }

    [Fact]
    public async Task While_the_platform_is_down_tokens_it_signed_still_work_and_others_get_401_not_500()
    {
        var token = await _provider.TokenAsync("demo-es256");
        using (var warm = await ClientWithAsync(token))
        {
            Assert.Equal(HttpStatusCode.OK, (await warm.GetAsync("/api/v1/certificates")).StatusCode);
        }

        _provider.StopForOutage();
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // past the refresh interval: the next request asks the platform, which is gone
            using var during = await ClientWithAsync(token);
            using var forged = await ClientWithAsync(Forge(new SigningCredentials(OidcProvider.ForeignEcKey(), SecurityAlgorithms.EcdsaSha256), [new Claim("credit_code", TestDepartments.Demo.CreditCode)]));
            using var junk = await ClientWithAsync("not-a-token");

            Assert.Equal(HttpStatusCode.OK, (await during.GetAsync("/api/v1/certificates")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/certificates")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await junk.GetAsync("/api/v1/certificates")).StatusCode);
        }
        finally
        {
            await _provider.StartAgainAsync();
        }
    }

    [Fact]
    public async Task An_auditor_token_reads_audit_histories_and_can_act_as_no_department_holder_or_administrator()
    {
        using var department = await ClientWithAsync(await _provider.TokenAsync("demo-es256"));
        using var auditor = await ClientWithAsync(await _provider.TokenAsync("auditor"));
        var issued = await Issuing.IssueAsync(department);

        using var audienceOnly = await ClientWithAsync(await _provider.TokenAsync("auditor-audience-only"));
        using var holder = await ClientWithAsync(await _provider.TokenAsync("citizen"));

        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync($"/api/v1/admin/certificates/{issued}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/api/v1/data/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await audienceOnly.GetAsync($"/api/v1/admin/certificates/{issued}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync($"/api/v1/admin/certificates/{issued}/history")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await holder.GetAsync("/api/v1/data/resources")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync($"/api/v1/certificates/{issued}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync($"/api/v1/certificates/{issued}/revoke", new { reason = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/holder/certificates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.GetAsync("/api/v1/admin/pipeline")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await auditor.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = TestDepartments.Other.CreditCode, name = "x" })).StatusCode);
    }

    [Fact]
    public async Task The_admin_role_counts_only_on_a_department_audience_token()
    {
        using var registrar = await ClientWithAsync(await _provider.TokenAsync("registrar"));

        Assert.Equal(HttpStatusCode.OK, (await registrar.GetAsync("/api/v1/admin/pipeline")).StatusCode);
    }

    [Fact]
    public async Task A_signing_key_rotated_at_the_platform_is_picked_up_and_the_retired_key_stops_working()
    {
        var before = await _provider.TokenAsync("demo-es256");
        using (var first = await ClientWithAsync(before))
        {
            Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/api/v1/certificates")).StatusCode);
        }

        var retired = _provider.EcKeyId;
        await _provider.RotateEcKeyAsync();
        await Task.Delay(TimeSpan.FromSeconds(1.5)); // the configured JWKS refresh interval
        var after = await _provider.TokenAsync("demo-es256");
        using var rotated = await ClientWithAsync(after);
        using var old = await ClientWithAsync(before);

        Assert.NotEqual(retired, _provider.EcKeyId);
        Assert.Equal(_provider.EcKeyId, new JwtSecurityTokenHandler().ReadJwtToken(after).Header.Kid);
        // The first request signed with the new key is served: an unknown kid makes CertService read the JWKS itself.
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/api/v1/certificates")).StatusCode);
        // The retired key goes when the cached JWKS is refreshed in the background (within the refresh interval).
        var deadline = DateTime.UtcNow.AddSeconds(15);
        HttpStatusCode withRetiredKey;
        do
        {
            await Task.Delay(250);
            withRetiredKey = (await old.GetAsync("/api/v1/certificates")).StatusCode;
        }
        while (withRetiredKey != HttpStatusCode.Unauthorized && DateTime.UtcNow < deadline);

        Assert.Equal(HttpStatusCode.Unauthorized, withRetiredKey);
        Assert.Equal(HttpStatusCode.OK, (await rotated.GetAsync("/api/v1/certificates")).StatusCode);
    }

    [Fact]
    public async Task Tokens_the_platform_did_not_sign_are_refused()
    {
        var claims = new[] { new Claim("credit_code", TestDepartments.Demo.CreditCode), new Claim("sub", "forger") };
        var forgedEs256 = Forge(new SigningCredentials(OidcProvider.ForeignEcKey(), SecurityAlgorithms.EcdsaSha256), claims);
        var hs256 = Forge(new SigningCredentials(new SymmetricSecurityKey(CertServiceFactory.OidcSigningKey), SecurityAlgorithms.HmacSha256), claims);
        var unsigned = new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(new JwtHeader(), new JwtPayload(_provider.Authority, DepartmentAudience, claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(5))));
        var wrongAudience = Forge(new SigningCredentials(OidcProvider.ForeignEcKey(), SecurityAlgorithms.EcdsaSha256), claims, audience: "urn:someone-else");

        foreach (var (what, token) in new[] { ("a key the platform never published", forgedEs256), ("HS256 (not pinned)", hs256), ("alg none", unsigned), ("another audience", wrongAudience) })
        {
            using var http = await ClientWithAsync(token);
            Assert.True((await http.GetAsync("/api/v1/certificates")).StatusCode == HttpStatusCode.Unauthorized, what);
        }
    }

    [Fact]
    public void Lifetimes_are_checked_with_at_most_a_minute_of_skew_and_only_RS256_and_ES256()
    {
        var jwt = _service.Services.GetRequiredService<IOptionsMonitor<JwtBearerOptions>>().Get(JwtBearerDefaults.AuthenticationScheme);

        Assert.Equal(TimeSpan.FromSeconds(60), jwt.TokenValidationParameters.ClockSkew);
        Assert.Equal(["RS256", "ES256"], jwt.TokenValidationParameters.ValidAlgorithms);
        Assert.True(jwt.TokenValidationParameters.RequireExpirationTime);
    }

    private string Forge(SigningCredentials credentials, Claim[] claims, string audience = DepartmentAudience) =>
        new JwtSecurityTokenHandler().WriteToken(new JwtSecurityToken(_provider.Authority, audience, claims, DateTime.UtcNow.AddMinutes(-1), DateTime.UtcNow.AddMinutes(5), credentials));

    private Task<HttpClient> ClientWithAsync(string token)
    {
        var client = _service.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return Task.FromResult(client);
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    // Hex: Basic authentication form-encodes the secret first (RFC 6749 2.3.1), where a base64 "+" would become a space.
    private static string Secret() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    public async Task DisposeAsync()
    {
        Dispose();
        await _provider.DisposeAsync();
    }

    public void Dispose() => _service?.Dispose();
}
