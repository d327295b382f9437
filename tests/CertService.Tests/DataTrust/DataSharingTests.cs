using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.DataTrust;

public sealed class DataSharingTests_Sqlite(AnvilNode anvil) : DataSharingTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class DataSharingTests_Postgres(AnvilNode anvil) : DataSharingTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>Requests, decisions and deliveries of shared data, the hash-chained anchored trail, cross-checks and open data.</summary>
public abstract class DataSharingTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    private readonly string _resource = "XA-SHARE-" + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public async Task The_trail_of_a_resource_matches_the_deliveries_made_and_proves_itself_complete_and_anchored()
    {
        var (source, consumer) = await SetUpAsync("conditional");
        var request = await RequestAsync(consumer);
        Assert.Equal("pending", request.GetProperty("state").GetString());
        var id = request.GetProperty("id").GetGuid();
        var byConsumer = await consumer.PostAsJsonAsync($"/api/v1/data/requests/{id}/approve", new { reason = "自己批准" });
        (await source.PostAsJsonAsync($"/api/v1/data/requests/{id}/approve", new { reason = "依据共享协议" })).EnsureSuccessStatusCode();
        var deliveries = new[] { (1, Hash("file one")), (1, Hash("api page one")), (2, Hash("file two")) };
        await PublishAsync(source); // version 2
        foreach (var (version, hash) in deliveries)
        {
            (await source.PostAsJsonAsync($"/api/v1/data/requests/{id}/deliveries", new { version, dataHash = hash, channel = "file" })).EnsureSuccessStatusCode();
        }

        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        using var admin = Service.AdminClient();
        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/data/resources/{_resource}/trail");

        Assert.Equal(HttpStatusCode.Forbidden, byConsumer.StatusCode);
        Assert.True(trail.GetProperty("complete").GetBoolean(), trail.GetProperty("problems").ToString());
        var entries = trail.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal(["request", "approve", "delivery", "delivery", "delivery"], entries.Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(deliveries.Select(d => $"{d.Item1}:{d.Item2}"), entries.Where(e => e.GetProperty("kind").GetString() == "delivery")
            .Select(e => $"{e.GetProperty("version").GetInt32()}:{e.GetProperty("dataHash").GetString()}"));
        var auditTrail = new AuditTrailClient(Anvil.Chain.Web3, Anvil.Deployment.AuditTrail!);
        var hasher = new MerkleHasher(Sm3HashFunction.Instance);
        foreach (var entry in entries)
        {
            var leaf = hasher.HashLeaf(Encoding.UTF8.GetBytes(entry.GetProperty("canonicalJson").GetString()!));
            var root = Convert.FromHexString(entry.GetProperty("trailRoot").GetString()!);
            var path = entry.GetProperty("trailPath").EnumerateArray().Select(p => Convert.FromHexString(p.GetString()!)).ToList();
            Assert.True(InclusionProofVerifier.Verify(hasher, leaf, new InclusionProof(entry.GetProperty("trailIndex").GetInt32(), entry.GetProperty("trailSize").GetInt32(), path), root));
            Assert.Equal(AuditTrailClient.KindOf("trustledger.data-trail.v1"), (await auditTrail.GetAsync(root))!.Kind);
        }
    }

    [Fact]
    public async Task A_trail_entry_removed_from_the_database_is_detected_as_a_gap()
    {
        var (source, consumer) = await SetUpAsync("unconditional");
        var id = (await RequestAsync(consumer)).GetProperty("id").GetGuid();
        for (var i = 0; i < 3; i++)
        {
            (await source.PostAsJsonAsync($"/api/v1/data/requests/{id}/deliveries", new { version = 1, dataHash = Hash($"delivery {i}"), channel = "api" })).EnsureSuccessStatusCode();
        }

        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        await Service.WithStoreAsync(s => s.DataTrail.Where(e => e.ResourceCode == _resource && e.Sequence == 3).ExecuteDeleteAsync());
        using var admin = Service.AdminClient();

        var trail = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/data/resources/{_resource}/trail");

        Assert.False(trail.GetProperty("complete").GetBoolean());
        Assert.Contains("entries 3–3 are missing", trail.GetProperty("problems").ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unshared_resources_refuse_requests_and_bad_deliveries_change_nothing()
    {
        var (source, consumer) = await SetUpAsync("none");
        var refused = await consumer.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/requests", new { purpose = "核验", legalBasis = "《条例》", notAfter = DateTimeOffset.UtcNow.AddDays(30) });
        var noPurpose = await consumer.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/requests", new { notAfter = DateTimeOffset.UtcNow.AddDays(30) });
        var unknown = await source.PostAsJsonAsync($"/api/v1/data/requests/{Guid.NewGuid()}/deliveries", new { version = 1, dataHash = Hash("x"), channel = "file" });

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPurpose.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(0, await Service.WithStoreAsync(s => s.DataTrail.CountAsync(e => e.ResourceCode == _resource)));
    }

    [Fact]
    public async Task A_cross_check_proves_the_authoritative_row_then_compares_field_by_field()
    {
        var (source, consumer) = await SetUpAsync("unconditional");
        var authoritative = new { creditCode = "91610131MA6TG0001X", companyName = "西安核对一号有限公司", taxStatus = "正常" };
        var record = new { creditCode = "91610131MA6TG0001X", companyName = "西安核对壹号有限公司", taxStatus = "正常" };
        await RequestAsync(consumer); // unconditionally shared: approved at once

        var check = await (await consumer.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/1/cross-check", new { authoritativeRow = authoritative, record })).Content.ReadFromJsonAsync<JsonElement>();
        var forged = await (await consumer.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/1/cross-check",
            new { authoritativeRow = new { creditCode = "91610131MA6TG0001X", companyName = "西安核对壹号有限公司", taxStatus = "正常" }, record })).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(check.GetProperty("proven").GetBoolean(), check.ToString());
        var fields = check.GetProperty("fields").EnumerateArray().ToDictionary(f => f.GetProperty("field").GetString()!);
        Assert.True(fields["creditCode"].GetProperty("agrees").GetBoolean());
        Assert.False(fields["companyName"].GetProperty("agrees").GetBoolean());
        Assert.True(fields["companyName"].GetProperty("sourceIsAuthoritative").GetBoolean());
        Assert.False(fields["taxStatus"].GetProperty("sourceIsAuthoritative").GetBoolean()); // the tax bureau is its authority
        Assert.Equal(TestDepartments.Other.CreditCode, fields["taxStatus"].GetProperty("authoritativeDepartment").GetString());
        Assert.False(forged.GetProperty("proven").GetBoolean());
        Assert.Empty(forged.GetProperty("fields").EnumerateArray());
    }

    [Fact]
    public async Task Open_resources_are_listed_publicly_with_their_anchored_versions_and_anyone_gets_a_row_proof()
    {
        await SetUpAsync("unconditional", openClass: "open");
        using var anonymous = Service.CreateClient();

        var page = await anonymous.GetStringAsync("/open-data");
        var proof = await anonymous.GetAsync($"/api/v1/open-data/{_resource}/versions/1/rows/0/proof");

        Assert.Contains(_resource, page, StringComparison.Ordinal);
        var version = await Service.WithStoreAsync(s => s.DatasetVersions.SingleAsync(v => v.ResourceCode == _resource));
        Assert.Contains(Convert.ToHexStringLower(version.Root), page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, proof.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/api/v1/open-data/XA-NOT-OPEN/versions/1/rows/0/proof")).StatusCode);
    }

    [Fact]
    public async Task Row_proofs_and_checks_are_for_the_source_and_approved_consumers_only()
    {
        var (source, consumer) = await SetUpAsync("conditional");
        var row = new { creditCode = "91610131MA6TG0001X", companyName = "西安核对一号有限公司", taxStatus = "正常" };
        var csv = "creditCode,companyName,taxStatus\n91610131MA6TG0001X,西安核对一号有限公司,正常\n";
        async Task<HttpStatusCode[]> TryAllAsync(HttpClient who) =>
        [
            (await who.GetAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/1/proof")).StatusCode,
            (await who.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/1/verify", row)).StatusCode,
            (await who.PostAsync($"/api/v1/data/resources/{_resource}/versions/1/check", new StringContent(csv, Encoding.UTF8, "text/csv"))).StatusCode,
            (await who.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/1/cross-check", new { authoritativeRow = row, record = row })).StatusCode,
        ];

        var beforeRequest = await TryAllAsync(consumer);
        var denied = await consumer.GetAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/1/proof");
        var request = await RequestAsync(consumer);
        var whilePending = await TryAllAsync(consumer);
        (await source.PostAsJsonAsync($"/api/v1/data/requests/{request.GetProperty("id").GetString()}/approve", new { reason = "依据共享协议" })).EnsureSuccessStatusCode();
        var approved = await TryAllAsync(consumer);
        var bySource = await TryAllAsync(source);

        Assert.All(beforeRequest, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.Equal("application/problem+json", denied.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data-access-not-approved", await denied.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.All(whilePending, s => Assert.Equal(HttpStatusCode.Forbidden, s));
        Assert.All(approved, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.All(bySource, s => Assert.Equal(HttpStatusCode.OK, s));
    }

    [Fact]
    public async Task An_approval_that_ran_out_gives_no_more_proofs()
    {
        var (source, consumer) = await SetUpAsync("unconditional");
        var request = await RequestAsync(consumer);
        var id = Guid.Parse(request.GetProperty("id").GetString()!);
        Assert.Equal(HttpStatusCode.OK, (await consumer.GetAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/0/proof")).StatusCode);
        await Service.WithStoreAsync(async s =>
        {
            var stored = await s.DataSharingRequests.SingleAsync(r => r.Id == id);
            stored.NotAfter = DateTimeOffset.UtcNow.AddMinutes(-1);
            return await s.SaveChangesAsync();
        });

        var expired = await consumer.GetAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/0/proof");

        Assert.Equal(HttpStatusCode.Forbidden, expired.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await source.GetAsync($"/api/v1/data/resources/{_resource}/versions/1/rows/0/proof")).StatusCode);
    }

    private async Task<(HttpClient Source, HttpClient Consumer)> SetUpAsync(string sharingClass, string openClass = "none")
    {
        var source = Service.ClientFor(TestDepartments.Demo);
        var consumer = Service.ClientFor(TestDepartments.Other);
        using var admin = Service.AdminClient();
        (await admin.PostAsJsonAsync("/api/v1/admin/data/resources", new
        {
            code = _resource, name = "企业登记信息（共享）", sourceDepartment = TestDepartments.Demo.CreditCode, updateCycle = "daily", sharingClass, openClass,
            fields = new object[] { new { name = "creditCode", personal = false }, new { name = "companyName", personal = false }, new { name = "taxStatus", authoritativeDepartment = TestDepartments.Other.CreditCode, personal = false } },
        })).EnsureSuccessStatusCode();
        await PublishAsync(source);
        return (source, consumer);
    }

    private async Task PublishAsync(HttpClient source)
    {
        var csv = "creditCode,companyName,taxStatus\n91610131MA6TG0000X,西安核对零号有限公司,正常\n91610131MA6TG0001X,西安核对一号有限公司,正常\n91610131MA6TG0002X,西安核对二号有限公司,非正常\n";
        var response = await source.PostAsync($"/api/v1/data/resources/{_resource}/versions", new StringContent(csv, Encoding.UTF8, "text/csv"));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonElement> RequestAsync(HttpClient consumer)
    {
        var response = await consumer.PostAsJsonAsync($"/api/v1/data/resources/{_resource}/requests",
            new { purpose = "税务登记核验", legalBasis = "《陕西省政务数据共享管理办法》", notAfter = DateTimeOffset.UtcNow.AddDays(30) });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Hash(string text) => Convert.ToHexStringLower(HashFunctions.Hash(Sm3HashFunction.Instance, Encoding.UTF8.GetBytes(text)));
}
