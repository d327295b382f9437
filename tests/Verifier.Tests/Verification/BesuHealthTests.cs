using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>Where the node offers the QBFT API (Besu; here the Besu-rules proxy), the health check names the validators.</summary>
public sealed class BesuHealthTests(BesuLikeNode node) : IClassFixture<BesuLikeNode>
{
    [Fact]
    public async Task The_chain_health_reports_the_validator_set_the_node_gives()
    {
        using var verifier = new VerifierFactory(node);
        using var client = verifier.CreateClient();

        var response = await client.GetAsync("/health/chain");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(node.Proxy.Validators.Count, report.GetProperty("validatorCount").GetInt32());
        Assert.Equal(node.Proxy.Validators, report.GetProperty("validators").EnumerateArray().Select(v => v.GetString()));
        Assert.True(report.GetProperty("headBlock").GetInt64() > 0);
    }
}
