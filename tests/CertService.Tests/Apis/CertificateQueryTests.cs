using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Apis;

public sealed class CertificateQueryTests_Sqlite(AnvilNode anvil) : CertificateQueryTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class CertificateQueryTests_Postgres(AnvilNode anvil) : CertificateQueryTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class CertificateQueryTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task Certificates_are_found_by_holder_code_type_status_and_time_and_paged()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var start = DateTimeOffset.UtcNow.AddSeconds(-1);
        var mine = Issuing.BusinessLicence("查询甲");
        var others = Issuing.BusinessLicence("查询乙");
        others["holder"]!["code"] = "91610113MA6W0C7R1U";
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Issuing.IssueAsync(client, mine));
        }

        await Issuing.IssueAsync(client, others);

        var byHolder = await client.GetFromJsonAsync<JsonElement>("/api/v1/certificates?holderCode=91610131ma6tg1xx4f&pageSize=2&page=1");
        var secondPage = await client.GetFromJsonAsync<JsonElement>("/api/v1/certificates?holderCode=91610131MA6TG1XX4F&pageSize=2&page=2");
        var pending = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates?status=pending&typeCode=11100000000013338W001&from={Uri.EscapeDataString(start.ToString("O"))}");
        var anchored = await client.GetFromJsonAsync<JsonElement>("/api/v1/certificates?status=anchored");

        Assert.Equal(3, byHolder.GetProperty("total").GetInt32());
        Assert.Equal(2, byHolder.GetProperty("items").GetArrayLength());
        Assert.Single(secondPage.GetProperty("items").EnumerateArray());
        var listed = byHolder.GetProperty("items").EnumerateArray().Concat(secondPage.GetProperty("items").EnumerateArray()).Select(i => i.GetProperty("id").GetGuid());
        Assert.Equal(ids.Order(), listed.Order());
        Assert.True(pending.GetProperty("total").GetInt32() >= 4);
        Assert.Equal(0, anchored.GetProperty("total").GetInt32());
        Assert.DoesNotContain("查询甲", byHolder.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_department_lists_only_its_own_certificates()
    {
        using var demo = Service.ClientFor(TestDepartments.Demo);
        using var other = Service.ClientFor(TestDepartments.Other);
        await Issuing.IssueAsync(demo);

        var listed = await other.GetFromJsonAsync<JsonElement>("/api/v1/certificates?holderCode=91610131MA6TG1XX4F");
        var asking = await other.GetAsync($"/api/v1/certificates?issuer={TestDepartments.Demo.CreditCode}");

        Assert.Equal(0, listed.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, asking.StatusCode);
        Assert.Contains("issuer.notYours", await asking.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
