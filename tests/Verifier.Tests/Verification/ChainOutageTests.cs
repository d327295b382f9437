using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

public sealed class ChainOutageTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    [Fact]
    public async Task An_unreachable_chain_gives_503_and_verdict_unknown_never_valid()
    {
        using var verifier = new VerifierFactory(fixture, rpcUrl: $"http://127.0.0.1:{FreePort.Next()}");
        using var client = verifier.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/verify", fixture.Bundles[0], JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var report = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(report.GetProperty("valid").GetBoolean());
        Assert.Equal("unknown", report.GetProperty("verdict").GetString());
        Assert.Equal(7, report.GetProperty("checks").GetArrayLength()); // every bundle check is listed, none passed as a guess
        Assert.DoesNotContain(report.GetProperty("checks").EnumerateArray(), c => c.GetProperty("status").GetString() == "passed" && c.GetProperty("name").GetString() != "trusted-deployment" && c.GetProperty("name").GetString() != "integrity" && c.GetProperty("name").GetString() != "inclusion-proof");
    }
}
