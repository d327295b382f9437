using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Identifiers;
using TrustLedger.Tests.Testing;
using Issuing = TrustLedger.Tests.Testing.Issuing;

namespace TrustLedger.Tests.CertService.Issuance;

public sealed class ShippedTypeIssuanceTests_Sqlite(AnvilNode anvil) : ShippedTypeIssuanceTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class ShippedTypeIssuanceTests_Postgres(AnvilNode anvil) : ShippedTypeIssuanceTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>Every shipped type's own sample issues, gets a valid national identifier, anchors and verifies.</summary>
public abstract class ShippedTypeIssuanceTests : IAsyncLifetime, IDisposable
{
    private readonly AnvilNode _anvil;
    private readonly CertServiceFactory _service;
    private readonly VerifierFactory _verifier;

    protected ShippedTypeIssuanceTests(AnvilNode anvil, StorageProvider provider)
    {
        _anvil = anvil;
        _service = new CertServiceFactory(anvil, TimeSpan.FromHours(1), provider);
        _verifier = new VerifierFactory(anvil);
    }

    public static TheoryData<string> Types => new(Issuing.ShippedTypeCodes);

    public async Task InitializeAsync()
    {
        foreach (var type in Issuing.ShippedTypeCodes)
        {
            await _anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, type));
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Each_shipped_type_issues_with_a_national_identifier_anchors_and_verifies(string typeCode)
    {
        using var department = _service.ClientFor(TestDepartments.Demo);
        using var agency = _verifier.CreateClient();

        var response = await department.PostAsJsonAsync("/api/v1/certificates", Issuing.Sample(typeCode));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var identifier = accepted.GetProperty("identifier").GetString();
        Assert.True(CertificateIdentifier.TryParse(identifier, out var parsed), identifier);
        Assert.Equal(typeCode, parsed!.TypeCode);
        Assert.Equal(TestDepartments.Demo.CreditCode, parsed.IssuerCode);
        Assert.StartsWith(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), parsed.Serial, StringComparison.Ordinal);

        await _service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        var bundle = await Issuing.BundleAsync(department, accepted.GetProperty("id").GetGuid());
        Assert.Equal(identifier, bundle.Certificate.GetProperty("identifier").GetString());
        Assert.Equal(1, bundle.Certificate.GetProperty("typeVersion").GetInt32());

        var report = await (await agency.PostAsJsonAsync("/api/v1/verify", bundle, JsonSerializerOptions.Web)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
    }

    [Fact]
    public async Task A_renewal_links_to_the_earlier_certificate_of_the_same_holder_and_family()
    {
        using var department = _service.ClientFor(TestDepartments.Demo);
        var first = await department.PostAsJsonAsync("/api/v1/certificates", Issuing.BusinessLicence());
        var earlier = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("identifier").GetString()!;

        var renewal = Issuing.BusinessLicence();
        renewal["relatedIdentifier"] = earlier;
        var renewed = await department.PostAsJsonAsync("/api/v1/certificates", renewal);

        var otherHolder = Issuing.BusinessLicence();
        otherHolder["holder"]!["code"] = "91610113MA6W0C7R1U";
        otherHolder["relatedIdentifier"] = earlier;
        var refused = await department.PostAsJsonAsync("/api/v1/certificates", otherHolder);

        var otherFamily = Issuing.Sample("111000000000131925001");
        otherFamily["relatedIdentifier"] = earlier;
        var refusedFamily = await department.PostAsJsonAsync("/api/v1/certificates", otherFamily);

        Assert.Equal(HttpStatusCode.Accepted, renewed.StatusCode);
        var view = await department.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{(await renewed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid()}");
        Assert.Equal(earlier, view.GetProperty("certificate").GetProperty("relatedIdentifier").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("related.holderMismatch", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, refusedFamily.StatusCode);
        Assert.Contains("related.familyMismatch", await refusedFamily.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _service.Dispose();
        _verifier.Dispose();
        GC.SuppressFinalize(this);
    }
}
