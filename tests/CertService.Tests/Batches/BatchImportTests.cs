using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Batches;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Batches;

public sealed class BatchImportTests_Sqlite(AnvilNode anvil) : BatchImportTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class BatchImportTests_Postgres(AnvilNode anvil) : BatchImportTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class BatchImportTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task A_10000_row_CSV_import_reports_every_row_correctly()
    {
        // Known bad rows: a wrong check character every 997th row, an unreadable date at 5000, an unknown type at 7777.
        var expected = new Dictionary<int, string>();
        var csv = new StringBuilder("typeCode,holderName,holderCode,holderCodeType,divisionCode,validFrom,validUntil,relatedIdentifier,fields\n");
        var fields = Csv(JsonSerializer.Serialize(Issuing.BusinessLicence()["fields"]));
        for (var row = 1; row <= 10_000; row++)
        {
            var code = "91610131MA6TG1XX4F";
            var type = "11100000000013338W001";
            var from = "2026-11-28";
            if (row % 997 == 0)
            {
                code = "91610131MA6TG1XX4K";
                expected[row] = ErrorCodes.CreditCodeCheck;
            }
            else if (row == 5000)
            {
                from = "28/11/2026";
                expected[row] = ErrorCodes.DateFormat;
            }
            else if (row == 7777)
            {
                type = "11100000000013338W999";
                expected[row] = ErrorCodes.TypeUnknown;
            }

            csv.Append(type).Append(",批量导入公司").Append(row).Append(',').Append(code).Append(",001,610113,").Append(from).Append(",,,").Append(fields).Append('\n');
        }

        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();
        var response = await client.PostAsync("/api/v1/certificates:batch", new StringContent(csv.ToString(), Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(10_000, report.GetProperty("total").GetInt32());
        Assert.Equal(10_000 - expected.Count, report.GetProperty("accepted").GetInt32());
        var rows = report.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(Enumerable.Range(1, 10_000), rows.Select(r => r.GetProperty("row").GetInt32()));
        foreach (var row in rows)
        {
            var number = row.GetProperty("row").GetInt32();
            if (expected.TryGetValue(number, out var code))
            {
                Assert.Equal("rejected", row.GetProperty("status").GetString());
                Assert.Contains(row.GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == code);
            }
            else
            {
                Assert.Equal("accepted", row.GetProperty("status").GetString());
            }
        }

        var identifiers = rows.Where(r => r.GetProperty("status").GetString() == "accepted").Select(r => r.GetProperty("identifier").GetString()).ToList();
        Assert.Equal(identifiers.Count, identifiers.Distinct().Count());
        Assert.Equal(before + identifiers.Count, await CountAsync());
    }

    [Fact]
    public async Task A_JSON_batch_stores_valid_rows_and_reports_the_rest_and_a_retry_with_its_key_replays()
    {
        var good = Issuing.BusinessLicence("JSON批量一");
        var bad = Issuing.BusinessLicence("JSON批量二");
        bad["validUntil"] = "2000-01-01";
        var fund = Issuing.Sample("111000000000131925001");
        var body = new JsonArray(good, bad, fund);
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var first = await PostBatchAsync(client, body, "batch-key-1");
        var retry = await PostBatchAsync(client, body, "batch-key-1");

        var report = await first.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(["accepted", "rejected", "rejected"], report.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("status").GetString()));
        Assert.Contains(report.GetProperty("rows")[2].GetProperty("errors").EnumerateArray(), e => e.GetProperty("code").GetString() == ErrorCodes.TypeNotGranted);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await retry.Content.ReadAsStringAsync());
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task More_than_10000_rows_store_nothing()
    {
        var line = Issuing.BusinessLicence("超量公司").ToJsonString();
        var body = "[" + string.Join(',', Enumerable.Repeat(line, 10_001)) + "]";
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/certificates:batch", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task More_than_10000_rows_with_an_idempotency_key_store_nothing_and_remember_nothing()
    {
        var line = Issuing.BusinessLicence("超量幂等公司").ToJsonString();
        var body = "[" + string.Join(',', Enumerable.Repeat(line, 10_001)) + "]";
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/certificates:batch") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", "too-many-1");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await Service.WithStoreAsync(s => s.IdempotencyRecords.CountAsync(r => r.Key == "too-many-1")));
    }

    [Theory]
    [InlineData("json-broken-1", null)]
    [InlineData("json-broken-2", "key")]
    public async Task JSON_broken_after_valid_rows_stores_none_of_them(string name, string? withKey)
    {
        var line = Issuing.BusinessLicence("断裂公司" + name).ToJsonString();
        var body = "[" + line + "," + line + "," + line + ",{\"typeCode\": ";
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/certificates:batch") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (withKey is not null)
        {
            request.Headers.Add("Idempotency-Key", name);
        }

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("application/json", "[{\"typeCode\":\"a\",\"typeCode\":\"b\"}]")]
    [InlineData("text/csv", "typeCode,holderName\n\"unterminated,x\n")]
    public async Task A_body_that_has_no_one_reading_is_a_problem_and_stores_nothing(string mediaType, string body)
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/certificates:batch", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_CSV_batch_that_is_not_UTF8_is_refused_whole()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();
        var header = Encoding.UTF8.GetBytes(string.Join(',', CsvBatchReader.Columns) + "\n");
        var row = Encoding.UTF8.GetBytes("BL,");
        byte[] bad = [0xC3, 0x28];
        var content = new ByteArrayContent([.. header, .. row, .. bad, .. "\n"u8.ToArray()]);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");

        var response = await client.PostAsync("/api/v1/certificates:batch", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    [Theory]
    [InlineData("text/plain", "hello", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/json", "{\"not\":\"an array\"}", HttpStatusCode.BadRequest)]
    public async Task An_unusable_body_is_a_problem_and_stores_nothing(string mediaType, string body, HttpStatusCode status)
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var response = await client.PostAsync("/api/v1/certificates:batch", new StringContent(body, Encoding.UTF8, mediaType));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(before, await CountAsync());
    }

    private static Task<HttpResponseMessage> PostBatchAsync(HttpClient client, JsonArray body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/certificates:batch") { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private static string Csv(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private Task<int> CountAsync() => Service.WithStoreAsync(s => s.Certificates.CountAsync());
}
