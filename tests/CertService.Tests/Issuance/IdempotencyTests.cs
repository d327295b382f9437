using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;
using Issuing = TrustLedger.Tests.Testing.Issuing;

namespace TrustLedger.Tests.CertService.Issuance;

public sealed class IdempotencyTests_Sqlite(AnvilNode anvil) : IdempotencyTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class IdempotencyTests_Postgres(AnvilNode anvil) : IdempotencyTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class IdempotencyTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task A_retry_with_the_same_key_returns_the_first_answer_and_creates_nothing_new()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var first = await SendAsync(client, "retry-1", Issuing.BusinessLicence("幂等公司"));
        var retry = await SendAsync(client, "retry-1", Issuing.BusinessLicence("幂等公司"));

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, retry.StatusCode);
        Assert.Equal(await first.Content.ReadFromJsonAsync<JsonElement>() is var a ? a.GetProperty("identifier").GetString() : null,
            (await retry.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifier").GetString());
        Assert.Equal(first.Headers.Location, retry.Headers.Location);
        Assert.True(retry.Headers.Contains("Idempotent-Replayed"));
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Concurrent_requests_with_one_key_create_one_certificate()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var before = await CountAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => SendAsync(client, "race-1", Issuing.BusinessLicence("竞争公司"))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var identifiers = await Task.WhenAll(responses.Select(async r => (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifier").GetString()));
        Assert.Single(identifiers.Distinct());
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task Reusing_a_key_for_a_different_request_is_refused()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        await SendAsync(client, "reuse-1", Issuing.BusinessLicence("甲公司"));
        var before = await CountAsync();

        var other = await SendAsync(client, "reuse-1", Issuing.BusinessLicence("乙公司"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("idempotency-key-reused", await other.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_refused_request_stores_nothing_and_leaves_its_key_free_for_the_corrected_request()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var bad = Issuing.BusinessLicence("改正公司");
        bad["divisionCode"] = "000000";
        var before = await CountAsync();

        var first = await SendAsync(client, "bad-1", bad);
        var again = await SendAsync(client, "bad-1", bad);
        var corrected = await SendAsync(client, "bad-1", Issuing.BusinessLicence("改正公司"));

        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.False(again.Headers.Contains("Idempotent-Replayed"));
        Assert.Contains("divisionCode.invalid", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Accepted, corrected.StatusCode);
        Assert.Equal(before + 1, await CountAsync());
    }

    [Fact]
    public async Task A_type_not_granted_with_a_key_leaves_no_certificate_and_no_remembered_answer()
    {
        using var client = Service.ClientFor(TestDepartments.Other);
        var before = await CountAsync();

        var refused = await SendAsync(client, "ungranted-1", Issuing.BusinessLicence("未授权公司"));

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("type-not-granted", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, await CountAsync());
        Assert.Equal(0, await Service.WithStoreAsync(s => s.IdempotencyRecords.CountAsync(r => r.Key == "ungranted-1")));
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/certificates") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    private Task<int> CountAsync() => Service.WithStoreAsync(s => s.Certificates.CountAsync());
}
