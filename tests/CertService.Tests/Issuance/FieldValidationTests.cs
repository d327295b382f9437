using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;
using Issuing = TrustLedger.Tests.Testing.Issuing;

namespace TrustLedger.Tests.CertService.Issuance;

public sealed class FieldValidationTests_Sqlite(AnvilNode anvil) : FieldValidationTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class FieldValidationTests_Postgres(AnvilNode anvil) : FieldValidationTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>Every class of invalid field is refused with its stable code, in Chinese or English, and nothing is stored.</summary>
public abstract class FieldValidationTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    private const string Licence = "11100000000013338W001";
    private const string Marriage = "11100000000013127D001";
    private const string Fund = "111000000000131925001";

    // type, JSON path to change ("-" removes it), new value (JSON), expected field, expected code
    public static TheoryData<string, string, string, string, string> InvalidFields => new()
    {
        { Licence, "typeCode", "\"99999999999999999X001\"", "typeCode", ErrorCodes.TypeUnknown },
        { Licence, "typeCode", "-", "typeCode", ErrorCodes.Required },
        { Licence, "holder", "-", "holder", ErrorCodes.Required },
        { Licence, "holder.name", "\"\"", "holder.name", ErrorCodes.Required },
        { Licence, "holder.name", $"\"{new string('长', 201)}\"", "holder.name", ErrorCodes.TextTooLong },
        { Licence, "holder.code", "-", "holder.code", ErrorCodes.Required },
        { Licence, "holder.codeType", "\"999\"", "holder.codeType", ErrorCodes.HolderCodeTypeInvalid },
        { Licence, "holder.code", "\"91610131MA6TG1XX4K\"", "holder.code", ErrorCodes.CreditCodeCheck },
        { Marriage, "holder.code", "\"110105194912310021\"", "holder.code", ErrorCodes.IdNumberCheck },
        { Marriage, "holder.code", "\"110105194902300020\"", "holder.code", ErrorCodes.IdNumberBirthDate },
        { Licence, "holder.codeType", "\"111\"", "holder.codeType", ErrorCodes.HolderCodeTypeMismatch },
        { Licence, "divisionCode", "\"610199\"", "divisionCode", ErrorCodes.DivisionCodeInvalid },
        { Licence, "divisionCode", "-", "divisionCode", ErrorCodes.Required },
        { Licence, "validFrom", "-", "validFrom", ErrorCodes.Required },
        { Licence, "validFrom", "\"2099-01-01\"", "validFrom", ErrorCodes.ValidFromTooFarAhead },
        { Licence, "validUntil", "\"2000-01-01\"", "validUntil", ErrorCodes.ValidUntilBeforeValidFrom },
        { Fund, "validUntil", "-", "validUntil", ErrorCodes.Required },
        { Licence, "fields", "[1, 2]", "fields", ErrorCodes.FieldsNotObject },
        { Licence, "fields.legalRepresentative", "-", "fields", ErrorCodes.FieldsSchema },
        { Licence, "fields.registeredCapital", "\"a lot\"", "fields.registeredCapital", ErrorCodes.FieldsSchema },
        { Licence, "fields.establishedOn", "\"2019-02-30\"", "fields.establishedOn", ErrorCodes.FieldsSchema },
        { Licence, "fields.unexpected", "\"x\"", "fields.unexpected", ErrorCodes.FieldsSchema },
        { Marriage, "fields.holderGender", "\"未知\"", "fields.holderGender", ErrorCodes.FieldsSchema },
        { Fund, "fields.balance", "-5", "fields.balance", ErrorCodes.FieldsSchema },
        { Licence, "relatedIdentifier", "\"1.2.156.3005.2.bad\"", "relatedIdentifier", ErrorCodes.RelatedFormat },
        { Licence, "document", "\"ofd\"", "document", ErrorCodes.DocumentKindUnknown },
        { Licence, "relatedIdentifier", "\"1.2.156.3005.2.11100000000013338W011.11430000006122244L.20230000403.001.U\"", "relatedIdentifier", ErrorCodes.RelatedNotFound },
    };

    [Theory]
    [MemberData(nameof(InvalidFields))]
    public async Task An_invalid_field_is_refused_with_its_code_and_nothing_is_stored(string type, string path, string value, string field, string code)
    {
        var request = Issuing.Sample(type);
        Set(request, path, value);
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var response = await client.PostAsJsonAsync("/api/v1/certificates", request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => (e.GetProperty("field").GetString(), e.GetProperty("code").GetString())).ToList();
        Assert.Contains((field, code), errors);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Every_failing_field_is_listed_at_once()
    {
        var request = Issuing.BusinessLicence();
        Set(request, "holder.code", "\"91610131MA6TG1XX4K\"");
        Set(request, "divisionCode", "\"000000\"");
        Set(request, "fields.legalRepresentative", "-");
        using var client = Service.ClientFor(TestDepartments.Demo);

        var problem = await (await client.PostAsJsonAsync("/api/v1/certificates", request)).Content.ReadFromJsonAsync<JsonElement>();

        var codes = problem.GetProperty("fieldErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString()).ToHashSet();
        Assert.Superset(new HashSet<string?> { ErrorCodes.CreditCodeCheck, ErrorCodes.DivisionCodeInvalid, ErrorCodes.FieldsSchema }, codes);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", "The unified social credit code fails its GB 32100 check character.")]
    [InlineData("zh-CN,zh;q=0.9,en;q=0.5", "统一社会信用代码校验位错误（GB 32100）")]
    [InlineData(null, "统一社会信用代码校验位错误（GB 32100）")]
    public async Task Messages_follow_Accept_Language_with_Chinese_by_default(string? acceptLanguage, string expected)
    {
        var request = Issuing.BusinessLicence();
        Set(request, "holder.code", "\"91610131MA6TG1XX4K\"");
        using var client = Service.ClientFor(TestDepartments.Demo);
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/v1/certificates") { Content = JsonContent.Create(request) };
        if (acceptLanguage is not null)
        {
            message.Headers.Add("Accept-Language", acceptLanguage);
        }

        var problem = await (await client.SendAsync(message)).Content.ReadFromJsonAsync<JsonElement>();

        var error = problem.GetProperty("fieldErrors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == "holder.code");
        Assert.Equal(ErrorCodes.CreditCodeCheck, error.GetProperty("code").GetString());
        Assert.Equal(expected, error.GetProperty("message").GetString());
    }

    [Fact]
    public void Every_code_has_a_message_in_both_languages()
    {
        Assert.All(ErrorCatalog.Codes, code =>
        {
            Assert.NotEqual(ErrorCatalog.Message(code, "zh"), ErrorCatalog.Message(code, "en"));
            Assert.DoesNotContain("Unknown error", ErrorCatalog.Message(code, "en"), StringComparison.Ordinal);
        });
    }

    private static void Set(JsonObject request, string path, string value)
    {
        var steps = path.Split('.');
        var parent = request;
        foreach (var step in steps[..^1])
        {
            parent = parent[step]!.AsObject();
        }

        if (value == "-")
        {
            parent.Remove(steps[^1]);
        }
        else
        {
            parent[steps[^1]] = JsonNode.Parse(value);
        }
    }

    private Task<int> CountAsync() => Service.WithStoreAsync(s => s.Certificates.CountAsync());
}
