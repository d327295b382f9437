using System.Net;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Deployer;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

public sealed class AnchoringRefusalTests_Sqlite(AnvilNode anvil) : AnchoringRefusalTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class AnchoringRefusalTests_Postgres(AnvilNode anvil) : AnchoringRefusalTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class AnchoringRefusalTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task When_the_type_is_revoked_before_anchoring_the_chain_refuses_and_the_certificate_says_so()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.RevokeTypeAsync(TestDepartments.Demo.Key.Address, DemoDepartment.BusinessLicenceType))).Succeeded);

        await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        Assert.Equal("refused", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
        var bundle = await client.GetAsync($"/api/v1/certificates/{id}/bundle");
        Assert.Equal(HttpStatusCode.Conflict, bundle.StatusCode);
        Assert.Contains("TypeNotGranted", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
