using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Apis;

public sealed class CertificatesApiTests_Sqlite(AnvilNode anvil) : CertificatesApiTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class CertificatesApiTests_Postgres(AnvilNode anvil) : CertificatesApiTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class CertificatesApiTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task Accepted_means_durable_and_pending()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);

        var response = await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("pending", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/v1/certificates/{id}", response.Headers.Location?.ToString());
        var stored = await Service.WithStoreAsync(s => s.Certificates.SingleAsync(c => c.Id == id));
        Assert.Equal(CertificateStatus.Pending, stored.Status);
        Assert.Equal(TestDepartments.Demo.CreditCode, stored.IssuerCode);
        Assert.Equal(16, stored.Salt.Length);
    }

    [Fact]
    public async Task The_issuer_is_the_authenticated_department_whatever_the_body_says()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var forged = Issuing.BusinessLicence();
        forged["issuer"] = new JsonObject { ["code"] = TestDepartments.Other.CreditCode, ["name"] = "冒名" };

        var id = await Issuing.IssueAsync(client, forged);

        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}");
        Assert.Equal(TestDepartments.Demo.CreditCode, view.GetProperty("certificate").GetProperty("issuer").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Without_a_valid_API_key_nothing_is_accepted(string? apiKey)
    {
        using var client = Service.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        }

        var before = await CountAsync();
        var response = await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    // Field-level validation is covered row by row in Issuance/FieldValidationTests; these bodies cannot even be read.
    public static TheoryData<string, string, string> InvalidBodies => new()
    {
        { "unreadable date", """{"typeCode":"11100000000013338W001","validFrom":"yesterday"}""", "$.validFrom" },
        { "wrong type", """{"typeCode":12,"validFrom":"2026-01-01"}""", "$.typeCode" },
        { "not JSON", "{\"typeCode\":", "unreadable-body" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task An_unreadable_body_is_a_400_problem_that_names_the_path_and_stores_nothing(string what, string body, string field)
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/certificates", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadAsStringAsync();
        Assert.Contains(field, problem, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_type_the_department_does_not_hold_on_chain_is_refused_with_403_and_nothing_stored()
    {
        using var client = Service.ClientFor(TestDepartments.Other);
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("type-not-granted", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Another_departments_certificate_is_not_found_rather_than_forbidden()
    {
        using var demo = Service.ClientFor(TestDepartments.Demo);
        using var other = Service.ClientFor(TestDepartments.Other);
        var id = await Issuing.IssueAsync(demo);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/certificates/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/certificates/{id}/bundle")).StatusCode);
    }

    [Fact]
    public async Task A_bundle_is_only_handed_out_once_the_certificate_is_anchored()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);

        var early = await client.GetAsync($"/api/v1/certificates/{id}/bundle");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("not-anchored-yet", await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await Service.Services.GetRequiredService<TrustLedger.CertService.Anchoring.AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        var bundle = await Issuing.BundleAsync(client, id);
        Assert.Equal(Anvil.Deployment.CertificateAnchor, bundle.Anchor.Contract);
        Assert.Equal(Anvil.ChainId, bundle.Anchor.ChainId);
        Assert.Equal(id.ToString(), bundle.Certificate.GetProperty("id").GetString());
    }

    private Task<int> CountAsync() => Service.WithStoreAsync(s => s.Certificates.CountAsync());
}
