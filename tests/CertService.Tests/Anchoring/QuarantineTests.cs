using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

public sealed class QuarantineTests_Sqlite(AnvilNode anvil) : QuarantineTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class QuarantineTests_Postgres(AnvilNode anvil) : QuarantineTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>
/// A record that keeps failing is set aside with its reason after Anchoring:MaxAttempts tries, and
/// everything behind it proceeds; an administrator sees it and retries it once the cause is fixed.
/// </summary>
public abstract class QuarantineTests(AnvilNode anvil, StorageProvider provider) : IDisposable
{
    private readonly CertServiceFactory _service = new(anvil, TimeSpan.FromHours(1), provider, settings: new Dictionary<string, string>
    {
        ["Anchoring:MaxAttempts"] = "2",
        ["Anchoring:RetryBase"] = "00:00:00.300",
        ["Anchoring:RetryCap"] = "00:00:00.300",
    });

    [Fact]
    public async Task A_certificate_whose_document_cannot_be_made_is_set_aside_with_its_reason_and_the_others_are_anchored()
    {
        using var department = _service.ClientFor(TestDepartments.Demo);
        using var admin = _service.AdminClient();
        var poison = await Issuing.IssueAsync(department, Issuing.BusinessLicence("西安毒丸测试有限公司"));
        var healthy = await Issuing.IssueAsync(department, Issuing.BusinessLicence("西安健康测试有限公司"));
        // Its stored data no longer decrypts (a broken disk, a lost key): no document can ever be made of it.
        var original = await _service.WithStoreAsync(s => s.Certificates.AsNoTracking().Where(c => c.Id == poison).Select(c => c.SealedCertificate).SingleAsync());
        await SetSealedAsync(poison, [.. original.Take(10), .. new byte[original.Length - 10]]);

        await RoundAsync();
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, healthy, TimeSpan.Zero));
        Assert.Equal("pending", await Issuing.WaitForAnchoringAsync(department, poison, TimeSpan.Zero));
        await Task.Delay(400); // its backoff
        await RoundAsync();

        Assert.Equal("failed", await Issuing.WaitForAnchoringAsync(department, poison, TimeSpan.Zero));
        var bundle = await department.GetAsync($"/api/v1/certificates/{poison}/bundle");
        Assert.Equal(HttpStatusCode.Conflict, bundle.StatusCode);
        Assert.Contains("certificate-quarantined", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var quarantined = Assert.Single((await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/quarantine")).GetProperty("certificates").EnumerateArray());
        Assert.Equal(poison, quarantined.GetProperty("id").GetGuid());
        Assert.Equal(2, quarantined.GetProperty("failedAttempts").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(quarantined.GetProperty("reason").GetString()));

        // Fixed, retried, anchored.
        await SetSealedAsync(poison, original);
        Assert.Equal(HttpStatusCode.Accepted, (await admin.PostAsync($"/api/v1/admin/quarantine/certificates/{poison}/retry", null)).StatusCode);
        await RoundAsync();
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, poison, TimeSpan.Zero));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/quarantine")).GetProperty("certificates").EnumerateArray());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/admin/quarantine/certificates/{poison}/retry", null)).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_see_and_retry_what_is_set_aside()
    {
        using var department = _service.ClientFor(TestDepartments.Demo);

        Assert.Equal(HttpStatusCode.Forbidden, (await department.GetAsync("/api/v1/admin/quarantine")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await department.PostAsync($"/api/v1/admin/quarantine/batches/{Guid.NewGuid()}/retry", null)).StatusCode);
        using var anonymous = _service.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/v1/admin/quarantine")).StatusCode);
    }

    [Fact]
    public async Task A_type_whose_fields_no_document_can_show_is_refused_when_it_is_defined()
    {
        using var admin = _service.AdminClient();
        var definition = System.Text.Json.Nodes.JsonNode.Parse(await (await admin.GetAsync("/api/v1/types/11100000000013338W001")).Content.ReadAsStringAsync())!.AsObject();
        definition["version"] = 99;
        definition["fieldsSchema"]!["properties"]!["anything"] = true; // valid JSON Schema, but no row of a document

        var response = await admin.PostAsJsonAsync("/api/v1/admin/types", definition);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("type.schema.unrenderable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _service.WithStoreAsync(s => s.CertificateTypes.AnyAsync(t => t.Version == 99)));
    }

    private Task RoundAsync() => _service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

    private Task<int> SetSealedAsync(Guid id, byte[] sealedCertificate) =>
        _service.WithStoreAsync(s => s.Certificates.Where(c => c.Id == id).ExecuteUpdateAsync(u => u.SetProperty(c => c.SealedCertificate, sealedCertificate)));

    public void Dispose()
    {
        _service.Dispose();
        GC.SuppressFinalize(this);
    }
}
