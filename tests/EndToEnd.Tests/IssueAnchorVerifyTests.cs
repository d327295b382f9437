using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.EndToEnd;

/// <summary>
/// The whole slice as users meet it: a department issues over HTTP, the worker anchors on a real
/// chain, a relying agency verifies the bundle through the Verifier's HTTP API.
/// </summary>
public sealed class IssueAnchorVerifyTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly CertServiceFactory _certService = new(anvil);
    private readonly VerifierFactory _verifier = new(anvil);

    [Fact]
    public async Task An_issued_certificate_is_anchored_and_verifies_and_one_flipped_field_fails_integrity()
    {
        using var department = _certService.ClientFor(TestDepartments.Demo);
        using var agency = _verifier.CreateClient();

        var id = await Issuing.IssueAsync(department);
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, id));
        var bundle = await Issuing.BundleAsync(department, id);

        var report = await VerifyAsync(agency, bundle);
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        Assert.Equal("valid", report.GetProperty("verdict").GetString());
        var checks = Checks(report);
        Assert.Equal(["trusted-deployment", "integrity", "inclusion-proof", "anchor", "issuer-identity", "issuer-authorisation", "status"], checks.Keys);
        Assert.All(checks.Values, c => Assert.Equal("passed", c.Status));
        Assert.Contains($"block {bundle.Anchor.BlockNumber}", checks["anchor"].Detail, StringComparison.Ordinal);

        var tampered = JsonNode.Parse(JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web))!;
        tampered["certificate"]!["fields"]!["registeredCapital"] = "1亿元";
        var tamperedReport = await VerifyAsync(agency, tampered);

        Assert.False(tamperedReport.GetProperty("valid").GetBoolean());
        Assert.Equal("failed", Checks(tamperedReport)["integrity"].Status);
        Assert.Equal(["integrity"], Checks(tamperedReport).Where(c => c.Value.Status == "failed").Select(c => c.Key));
        Assert.Equal("skipped", Checks(tamperedReport)["status"].Status); // nothing is said about the status of a certificate that is not the issued one
    }

    [Fact]
    public async Task Certificates_accepted_together_share_one_anchor_transaction_and_each_verifies()
    {
        using var department = _certService.ClientFor(TestDepartments.Demo);
        using var agency = _verifier.CreateClient();

        var ids = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Issuing.IssueAsync(department, Issuing.BusinessLicence($"批量公司{i}"))));
        foreach (var id in ids)
        {
            Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, id));
        }

        var bundles = await Task.WhenAll(ids.Select(id => Issuing.BundleAsync(department, id)));
        Assert.True(bundles.Select(b => b.Anchor.TransactionHash).Distinct().Count() < ids.Length, "expected batching into fewer transactions than certificates");
        foreach (var bundle in bundles)
        {
            Assert.True((await VerifyAsync(agency, bundle)).GetProperty("valid").GetBoolean());
        }
    }

    private static async Task<JsonElement> VerifyAsync(HttpClient agency, object bundle)
    {
        var response = await agency.PostAsJsonAsync("/api/v1/verify", bundle, JsonSerializerOptions.Web);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static Dictionary<string, (string Status, string Detail)> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().ToDictionary(
            c => c.GetProperty("name").GetString()!,
            c => (c.GetProperty("status").GetString()!, c.GetProperty("detail").GetString()!));

    public void Dispose()
    {
        _certService.Dispose();
        _verifier.Dispose();
    }
}
