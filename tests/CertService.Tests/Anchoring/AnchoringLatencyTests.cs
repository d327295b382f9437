using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

public sealed class AnchoringLatencyTests_Sqlite(AnvilNode anvil) : AnchoringLatencyTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class AnchoringLatencyTests_Postgres(AnvilNode anvil) : AnchoringLatencyTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>GET /api/v1/admin/anchoring/latency: what operators (and the load run) read of anchoring.</summary>
public abstract class AnchoringLatencyTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    [Fact]
    public async Task The_view_counts_pending_then_anchored_certificates_of_the_window_with_their_batch_and_latency()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using var admin = Service.AdminClient();
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var data = Issuing.BusinessLicence("时延统计有限公司");
        data["document"] = "none";
        for (var i = 0; i < 3; i++)
        {
            await Issuing.IssueAsync(department, data);
        }

        var before = await LatencyAsync(admin, since);
        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        var after = await LatencyAsync(admin, since);

        Assert.Equal((3, 3, 0), (before.GetProperty("certificates").GetInt32(), before.GetProperty("pending").GetInt32(), before.GetProperty("anchored").GetInt32()));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("acceptedToAnchoredSeconds").GetProperty("p50").ValueKind);
        Assert.Equal((3, 0, 3), (after.GetProperty("certificates").GetInt32(), after.GetProperty("pending").GetInt32(), after.GetProperty("anchored").GetInt32()));
        Assert.Equal((1, 3), (after.GetProperty("batches").GetInt32(), after.GetProperty("largestBatch").GetInt32()));
        var latency = after.GetProperty("acceptedToAnchoredSeconds");
        // The anchoring block's timestamp has one-second resolution: never more than a second before acceptance.
        Assert.InRange(latency.GetProperty("p50").GetDouble(), -1, 60);
        Assert.True(latency.GetProperty("p99").GetDouble() >= latency.GetProperty("p50").GetDouble());
        Assert.Equal(0, (await LatencyAsync(admin, DateTimeOffset.UtcNow.AddMinutes(1))).GetProperty("certificates").GetInt32());
    }

    [Fact]
    public async Task Only_administrators_may_read_it()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);

        var response = await department.GetAsync("/api/v1/admin/anchoring/latency");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    private static async Task<JsonElement> LatencyAsync(HttpClient admin, DateTimeOffset since) =>
        await admin.GetFromJsonAsync<JsonElement>($"/api/v1/admin/anchoring/latency?since={Uri.EscapeDataString(since.ToString("O"))}");
}
