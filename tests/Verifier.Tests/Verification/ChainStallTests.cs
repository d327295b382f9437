using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// A QBFT chain with more than a third of its validators down stops producing blocks. Anvil's mining
/// is paused to stand in for that: the health check turns red and a question about now is answered
/// unknown, while a question about a time the chain already covers is still answered.
/// </summary>
public sealed class ChainStallTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    private static readonly Dictionary<string, string> OneSecondBlocks = new() { ["Chain:BlockPeriod"] = "00:00:01" };

    [Fact]
    public async Task A_stalled_chain_turns_the_health_check_red_and_verification_of_now_unknown_until_blocks_return()
    {
        using var verifier = new VerifierFactory(fixture, settings: OneSecondBlocks);
        using var client = verifier.CreateClient();
        var bundle = fixture.Bundles[0];

        var healthy = await client.GetAsync("/health/chain");
        Assert.Equal(HttpStatusCode.OK, healthy.StatusCode);
        var report = await healthy.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("ok", fixture.ChainId), (report.GetProperty("status").GetString(), report.GetProperty("chainId").GetInt64()));
        Assert.Equal(JsonValueKind.Null, report.GetProperty("validatorCount").ValueKind); // Anvil has no QBFT API
        var anchoredAt = await AnchorTimeAsync(client, bundle);
        await Task.Delay(TimeSpan.FromSeconds(2)); // the head moves past the anchor before the chain stops

        await fixture.RequestAsync<object>("evm_setIntervalMining", 0);
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(4.5)); // more than three block periods without a block

            var stalled = await client.GetAsync("/health/chain");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, stalled.StatusCode);
            Assert.Equal("stalled", (await stalled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());

            var now = await client.PostAsJsonAsync("/api/v1/verify", bundle, JsonSerializerOptions.Web);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, now.StatusCode);
            var unknown = await now.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("unknown", unknown.GetProperty("verdict").GetString());
            var first = unknown.GetProperty("checks")[0];
            Assert.Equal(("chain", "failed"), (first.GetProperty("name").GetString(), first.GetProperty("status").GetString()));
            Assert.Contains("stalled", first.GetProperty("detail").GetString(), StringComparison.Ordinal);

            // The chain's blocks so far are final: a question about a time they cover is still answered.
            var at = Uri.EscapeDataString(anchoredAt.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture));
            var past = await client.PostAsJsonAsync($"/api/v1/verify?at={at}", bundle, JsonSerializerOptions.Web);
            Assert.Equal(HttpStatusCode.OK, past.StatusCode);
            Assert.Equal("valid", (await past.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verdict").GetString());
        }
        finally
        {
            await fixture.RequestAsync<object>("evm_setIntervalMining", 1);
        }

        await Task.Delay(TimeSpan.FromSeconds(1.5)); // a new block
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/chain")).StatusCode);
        var again = await client.PostAsJsonAsync("/api/v1/verify", bundle, JsonSerializerOptions.Web);
        Assert.Equal("valid", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("verdict").GetString());
    }

    // The anchoring block's time, from the anchor check's report.
    private static async Task<DateTimeOffset> AnchorTimeAsync(HttpClient client, TrustLedger.Ledger.Bundles.CertificateBundle bundle)
    {
        var report = await (await client.PostAsJsonAsync("/api/v1/verify", bundle, JsonSerializerOptions.Web)).Content.ReadFromJsonAsync<JsonElement>();
        var detail = report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "anchor").GetProperty("detail").GetString()!;
        var time = System.Text.RegularExpressions.Regex.Match(detail, @"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ").Value;
        return DateTimeOffset.Parse(time, CultureInfo.InvariantCulture);
    }
}
