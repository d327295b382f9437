using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Types;

public sealed class TypesApiTests_Sqlite(AnvilNode anvil) : TypesApiTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class TypesApiTests_Postgres(AnvilNode anvil) : TypesApiTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class TypesApiTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task The_shipped_types_are_loaded_and_readable_by_anyone()
    {
        using var anonymous = Service.CreateClient();

        var types = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/types");
        var licence = await anonymous.GetFromJsonAsync<JsonElement>("/api/v1/types/11100000000013338W001");

        Assert.Equal(Issuing.ShippedTypeCodes.Order(), types.EnumerateArray().Select(t => t.GetProperty("code").GetString()!).Order());
        Assert.Equal("营业执照", licence.GetProperty("nameZh").GetString());
        Assert.Equal("object", licence.GetProperty("fieldsSchema").GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_new_type_version_applies_to_new_certificates_and_the_old_version_stays_recorded()
    {
        using var admin = Service.AdminClient();
        using var department = Service.ClientFor(TestDepartments.Demo);
        var v1 = await Issuing.IssueAsync(department);
        var v2 = JsonNode.Parse(await (await admin.GetAsync("/api/v1/types/11100000000013338W001")).Content.ReadAsStringAsync())!.AsObject();
        v2["version"] = 2;
        v2["fieldsSchema"]!["required"]!.AsArray().Add("website");
        v2["fieldsSchema"]!["properties"]!["website"] = new JsonObject { ["type"] = "string" };

        var created = await admin.PostAsJsonAsync("/api/v1/admin/types", v2);
        var duplicate = await admin.PostAsJsonAsync("/api/v1/admin/types", v2);
        var refusedWithoutWebsite = await department.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence());
        var withWebsite = Issuing.BusinessLicence();
        withWebsite["fields"]!["website"] = "https://example.xa.gov.cn";
        var v2Id = await Issuing.IssueAsync(department, withWebsite);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, refusedWithoutWebsite.StatusCode);
        Assert.Equal(1, (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{v1}")).GetProperty("certificate").GetProperty("typeVersion").GetInt32());
        Assert.Equal(2, (await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{v2Id}")).GetProperty("certificate").GetProperty("typeVersion").GetInt32());
    }

    [Fact]
    public async Task A_bulk_type_import_reports_each_definition()
    {
        using var admin = Service.AdminClient();
        var existing = JsonNode.Parse(await (await admin.GetAsync("/api/v1/types/11100000000013127D001")).Content.ReadAsStringAsync())!;
        var fresh = existing.DeepClone();
        fresh["code"] = "11100000000013127D002";
        fresh["nameZh"] = "离婚证";
        fresh["nameEn"] = "Divorce Certificate";
        var broken = existing.DeepClone();
        broken["code"] = "11100000000013127X002";

        var response = await admin.PostAsJsonAsync("/api/v1/admin/types:import", new JsonArray(existing.DeepClone(), fresh, broken));

        var rows = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("status").GetString()).ToList();
        Assert.Equal(["exists", "created", "invalid"], rows);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/types/11100000000013127D002")).StatusCode);
    }

    [Fact]
    public async Task Departments_cannot_define_types()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);

        var response = await department.PostAsJsonAsync("/api/v1/admin/types", new { code = "11100000000013338W002" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
