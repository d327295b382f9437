using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Issuance;

/// <summary>When the chain node goes away, issuing answers 503 with a problem and stores nothing; never a 500.</summary>
public sealed class ChainOutageIssuanceTests(AnvilNode anvil) : CertServiceTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>
{
    [Fact]
    public async Task A_data_only_certificate_whose_seal_cannot_be_looked_up_gets_503_and_nothing_is_stored()
    {
        using var department = Service.ClientFor(TestDepartments.Demo);
        using (var admin = Service.AdminClient())
        {
            var seal = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
                new { code = "XA-OUTAGE-0001", name = "行政审批专用章", type = 1, validFrom = DateTimeOffset.UtcNow.AddDays(-1), validUntil = DateTimeOffset.UtcNow.AddYears(1) });
            seal.EnsureSuccessStatusCode();
        }

        var request = Issuing.BusinessLicence("断链测试公司");
        request["document"] = "none";
        Anvil.Stop();

        var response = await department.PostAsJsonAsync("/api/v1/certificates", request);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("chain-unavailable", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        Assert.Equal(0, await Service.WithStoreAsync(store => store.Certificates.CountAsync()));
    }
}
