using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Seals;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Tests.Testing;
using static TrustLedger.Tests.Testing.VerificationReports;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// Data-only certificates (<c>document: none</c>): the department's seal signs the data at
/// acceptance, there is no PDF, and a bundle alone proves the seal; forged seals fail the named check.
/// </summary>
public sealed class DataOnlyVerificationTests(SealedDocumentFixture fixture) : IClassFixture<SealedDocumentFixture>
{
    private static readonly string[] BundleChecks = ["trusted-deployment", "integrity", "inclusion-proof", "anchor", "issuer-identity", "issuer-authorisation", "status"];

    [Fact]
    public async Task A_data_only_certificate_is_sealed_at_acceptance_anchored_and_its_bundle_alone_proves_the_seal()
    {
        var (id, bundle) = fixture.DataOnly;

        var report = await VerifyAsync(bundle);

        Assert.Equal("valid", report.GetProperty("verdict").GetString());
        Assert.Equal([.. BundleChecks, "data-seal-signature", "seal-registration", "seal-validity"], Names(report));
        Assert.All(report.GetProperty("checks").EnumerateArray(), c => Assert.Equal("passed", c.GetProperty("status").GetString()));
        var seal = bundle.Certificate.GetProperty(DataSeal.Member);
        Assert.Equal(SealedDocumentFixture.SealCode, seal.GetProperty("code").GetString());
        Assert.Equal(SealKeyPair.Sm2Sm3, seal.GetProperty("suite").GetString());
        Assert.False(bundle.Certificate.TryGetProperty("document", out _));

        using var department = fixture.CertService.ClientFor(TestDepartments.Demo);
        var pdf = await department.GetAsync($"/api/v1/certificates/{id}/pdf");
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        Assert.Equal("application/problem+json", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Contains("data only", await pdf.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bundle_of_a_PDF_certificate_runs_no_seal_checks_without_its_PDF()
    {
        var report = await VerifyAsync(fixture.Documents[0].Bundle);

        Assert.Equal(BundleChecks, Names(report));
    }

    [Fact]
    public async Task Data_sealed_with_a_key_that_no_registration_backs_fails_seal_registration()
    {
        var fresh = SealKeyPair.Generate(SealKeyPair.Sm2Sm3);
        var now = DateTimeOffset.UtcNow;
        var impostor = new ActiveSeal(SealedDocumentFixture.SealCode, fresh,
            SealCertificate.Create(fresh, SealedDocumentFixture.SealCode, TestDepartments.Demo.CreditCode, now.AddDays(-1), now.AddYears(1)));

        var report = await VerifyAsync(await SelfAnchoredDocument.CreateDataOnlyAsync(fixture, fixture.Documents[0].Bundle, impostor, now));

        Assert.Equal("invalid", report.GetProperty("verdict").GetString());
        Assert.Equal(["seal-registration"], Failed(report));
        Assert.Equal("skipped", Status(report, "seal-validity"));
    }

    [Fact]
    public async Task Data_changed_after_sealing_but_anchored_as_changed_fails_the_data_seal_signature()
    {
        var seal = await SealAsync();
        var now = DateTimeOffset.UtcNow;

        var bundle = await SelfAnchoredDocument.CreateDataOnlyAsync(fixture, fixture.Documents[0].Bundle, seal, now,
            certificate => certificate["holder"]!["name"] = "另一家公司");
        var report = await VerifyAsync(bundle);

        // The leaf covers the changed data, so integrity holds: only the seal can tell.
        Assert.Equal(["data-seal-signature"], Failed(report));
        Assert.Equal("skipped", Status(report, "seal-registration"));
    }

    [Fact]
    public async Task Data_sealed_before_the_seals_validity_window_fails_seal_validity()
    {
        var seal = await SealAsync();

        var bundle = await SelfAnchoredDocument.CreateDataOnlyAsync(fixture, fixture.Documents[0].Bundle, seal, DateTimeOffset.UtcNow.AddDays(-30));
        var report = await VerifyAsync(bundle);

        Assert.Equal(["seal-validity"], Failed(report));
        Assert.Contains("outside seal", Detail(report, "seal-validity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_data_seal_fails_its_check_with_a_reason()
    {
        var seal = await SealAsync();

        var bundle = await SelfAnchoredDocument.CreateDataOnlyAsync(fixture, fixture.Documents[0].Bundle, seal, DateTimeOffset.UtcNow,
            certificate => certificate[DataSeal.Member]!["signature"] = "not base64!");
        var report = await VerifyAsync(bundle);

        Assert.Equal(["data-seal-signature"], Failed(report));
        Assert.Contains("malformed", Detail(report, "data-seal-signature"), StringComparison.Ordinal);
    }

    // The department's registered seal, as CertService holds it.
    private async Task<ActiveSeal> SealAsync()
    {
        var key = (await fixture.CertService.Services.GetRequiredService<SealKeys>().FindAsync(SealedDocumentFixture.SealCode, SealKeyPair.Sm2Sm3, CancellationToken.None))!;
        var record = await fixture.CertService.WithStoreAsync(store => Task.FromResult(store.Seals.Single(s => s.Code == SealedDocumentFixture.SealCode)));
        return new ActiveSeal(SealedDocumentFixture.SealCode, key, new Org.BouncyCastle.X509.X509Certificate(record.Certificate));
    }

    private async Task<JsonElement> VerifyAsync(CertificateBundle bundle)
    {
        using var client = fixture.Verifier.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/verify", bundle);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
