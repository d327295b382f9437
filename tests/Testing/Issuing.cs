using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.Deployer;
using TrustLedger.CertService.Types;
using TrustLedger.Ledger.Bundles;

namespace TrustLedger.Tests.Testing;

/// <summary>Issuing through CertService's HTTP API as a department's system would.</summary>
public static class Issuing
{
    /// <summary>The sample request shipped with a certificate type (Types/v1/*.json), as a mutable copy.</summary>
    public static JsonObject Sample(string typeCode) =>
        JsonNode.Parse(ShippedTypes.Samples()[typeCode].GetRawText())!.AsObject();

    public static IEnumerable<string> ShippedTypeCodes => ShippedTypes.Load().Select(t => t.Code);

    public static JsonObject BusinessLicence(string holderName = "西安示例科技有限公司")
    {
        var sample = Sample(DemoDepartment.BusinessLicenceType);
        sample["holder"]!["name"] = holderName;
        return sample;
    }

    public static async Task<Guid> IssueAsync(HttpClient client, JsonObject? certificate = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/certificates", certificate ?? BusinessLicence());
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new InvalidOperationException($"issuance answered {response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Polls until the certificate is anchored (or refused), then returns its status.</summary>
    public static async Task<string> WaitForAnchoringAsync(HttpClient client, Guid id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}");
            var status = view.GetProperty("status").GetString()!;
            if (status != "pending" || DateTime.UtcNow > deadline)
            {
                return status;
            }

            await Task.Delay(250);
        }
    }

    public static async Task<CertificateBundle> BundleAsync(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<CertificateBundle>($"/api/v1/certificates/{id}/bundle", JsonSerializerOptions.Web))!;
}
