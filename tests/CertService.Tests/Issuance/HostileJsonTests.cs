using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Issuance;

public sealed class HostileJsonTests_Sqlite(AnvilNode anvil) : HostileJsonTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

/// <summary>
/// JSON with no one meaning or no canonical form, and values that end in a newline: each is a 400
/// problem naming where, and nothing is stored (the independent hostile-input run found 500s here).
/// </summary>
public abstract class HostileJsonTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    // The sample licence written out with one member's raw JSON replaced (so the body can say what a JsonObject cannot).
    private static string WithRawField(string member, string rawValue)
    {
        var body = Issuing.BusinessLicence("恶意输入公司");
        body["fields"]![member] = "__RAW__";
        return body.ToJsonString().Replace("\"__RAW__\"", rawValue, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> Bodies => new()
    {
        { "a member of fields given twice", WithRawField("licenceNumber", "\"91610000X\",\"licenceNumber\":\"91610000Y\""), "licenceNumber" },
        { "a top-level member given twice", Issuing.BusinessLicence().ToJsonString().Replace("\"typeCode\":", "\"typeCode\":\"x\",\"typeCode\":", StringComparison.Ordinal), "typeCode" },
        { "a number no double holds", WithRawField("companyType", "1e400"), "companyType" },
        { "a 400-digit integer", WithRawField("companyType", new string('9', 400)), "companyType" },
        { "a lone surrogate in fields", WithRawField("companyType", "\"有限\\ud800公司\""), "companyType" },
        { "a lone surrogate in the holder's name", Issuing.BusinessLicence("\\udc00").ToJsonString().Replace("\\\\udc00", "\\udc00", StringComparison.Ordinal), "holder" },
        { "a licence number ending in a newline", WithRawField("licenceNumber", "\"91610000MA6TGX\\n\""), "licenceNumber" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Is_a_400_problem_naming_the_member_and_stores_nothing(string what, string body, string member)
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/certificates", new StringContent(body, Encoding.UTF8, "application/json"));

        var problem = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{what}: {(int)response.StatusCode} {problem}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(member, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", problem, StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_licence_number_without_the_newline_is_accepted_so_the_refusal_above_is_about_the_newline()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var body = Issuing.BusinessLicence("换行对照公司");
        body["fields"]!["licenceNumber"] = "91610000MA6TGX";

        var response = await client.PostAsync("/api/v1/certificates", new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Invalid_UTF8_in_the_body_is_a_400_and_stores_nothing()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();
        var text = Encoding.UTF8.GetBytes(WithRawField("companyType", "\"__BAD__\""));
        var marker = Encoding.UTF8.GetBytes("__BAD__");
        var at = text.AsSpan().IndexOf(marker);
        byte[] body = [.. text[..at], 0xFF, 0xFE, .. text[(at + marker.Length)..]];
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        var response = await client.PostAsync("/api/v1/certificates", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    private Task<int> CountAsync() => Service.WithStoreAsync(s => s.Certificates.CountAsync());
}
