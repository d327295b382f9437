using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Seals;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Tests.Testing;
using static TrustLedger.Tests.Testing.VerificationReports;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>POST /api/v1/verify/pdf: a genuine sealed document passes; every kind of forgery fails with the right check named.</summary>
public sealed class DocumentVerificationTests(SealedDocumentFixture fixture) : IClassFixture<SealedDocumentFixture>
{
    private static readonly string[] DocumentChecks = ["document-hash", "document-signature", "seal-registration", "seal-validity"];

    [Fact]
    public async Task A_genuine_sealed_PDF_with_its_bundle_is_valid_and_the_report_lists_every_check()
    {
        var (pdf, bundle) = fixture.Documents[0];

        var report = await VerifyAsync(pdf, bundle);

        Assert.Equal("valid", report.GetProperty("verdict").GetString());
        var names = report.GetProperty("checks").EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Equal(["trusted-deployment", "integrity", "inclusion-proof", "anchor", "issuer-identity", "issuer-authorisation", "status", .. DocumentChecks], names);
        Assert.All(report.GetProperty("checks").EnumerateArray(), c => Assert.Equal("passed", c.GetProperty("status").GetString()));
        Assert.Contains(SealedDocumentFixture.SealCode, Detail(report, "seal-registration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_changed_byte_fails_the_document_hash_and_the_signature()
    {
        var (pdf, bundle) = fixture.Documents[0];
        var tampered = (byte[])pdf.Clone();
        // A byte of the document information (the title), inside the signed ranges.
        var at = Encoding.Latin1.GetString(pdf).IndexOf("/Title", StringComparison.Ordinal) + 8;
        tampered[at] ^= 0x01;

        var report = await VerifyAsync(tampered, bundle);

        Assert.Equal("invalid", report.GetProperty("verdict").GetString());
        Assert.Equal(["document-hash", "document-signature"], Failed(report));
    }

    [Fact]
    public async Task A_valid_signature_on_a_different_document_fails_the_document_hash_only()
    {
        var (otherPdf, _) = fixture.Documents[1];
        var (_, bundle) = fixture.Documents[0];

        var report = await VerifyAsync(otherPdf, bundle);

        Assert.Equal(["document-hash"], Failed(report));
        Assert.Contains("not the issued document", Detail(report, "document-hash"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_signed_with_a_key_that_no_seal_registration_backs_fails_seal_registration()
    {
        var fresh = SealKeyPair.Generate(SealKeyPair.Sm2Sm3);
        var now = DateTimeOffset.UtcNow;
        // Claims the department's real seal code, but signs with a key of its own.
        var impostor = new ActiveSeal(SealedDocumentFixture.SealCode, fresh,
            SealCertificate.Create(fresh, SealedDocumentFixture.SealCode, TestDepartments.Demo.CreditCode, now.AddDays(-1), now.AddYears(1)));
        var (pdf, bundle) = await SelfAnchoredDocument.CreateAsync(fixture, fixture.CertService, fixture.Documents[0].Bundle, impostor, now);

        var report = await VerifyAsync(pdf, bundle);

        Assert.Equal(["seal-registration"], Failed(report));
        Assert.Contains("not the registered key", Detail(report, "seal-registration"), StringComparison.Ordinal);
        Assert.Equal("skipped", Status(report, "seal-validity"));
    }

    [Fact]
    public async Task A_document_sealed_with_a_seal_code_never_registered_fails_seal_registration()
    {
        var fresh = SealKeyPair.Generate(SealKeyPair.Sm2Sm3);
        var now = DateTimeOffset.UtcNow;
        var unregistered = new ActiveSeal("XA-NEVER-REGISTERED", fresh,
            SealCertificate.Create(fresh, "XA-NEVER-REGISTERED", TestDepartments.Demo.CreditCode, now.AddDays(-1), now.AddYears(1)));
        var (pdf, bundle) = await SelfAnchoredDocument.CreateAsync(fixture, fixture.CertService, fixture.Documents[0].Bundle, unregistered, now);

        var report = await VerifyAsync(pdf, bundle);

        Assert.Equal(["seal-registration"], Failed(report));
        Assert.Contains("is not registered", Detail(report, "seal-registration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_sealed_with_a_revoked_seal_fails_seal_validity()
    {
        var seal = await fixture.CreateSealAsync("XA-REVOKED-0001", DateTimeOffset.UtcNow.AddDays(-1));
        using (var admin = fixture.CertService.AdminClient())
        {
            (await admin.PostAsJsonAsync("/api/v1/admin/seals/XA-REVOKED-0001/revoke", new { reason = 1 })).EnsureSuccessStatusCode();
        }

        var (pdf, bundle) = await SelfAnchoredDocument.CreateAsync(fixture, fixture.CertService, fixture.Documents[0].Bundle, seal, DateTimeOffset.UtcNow);

        var report = await VerifyAsync(pdf, bundle);

        Assert.Equal(["seal-validity"], Failed(report));
        Assert.Contains("was revoked", Detail(report, "seal-validity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_sealed_before_the_seals_validity_window_opens_fails_seal_validity()
    {
        var seal = await fixture.CreateSealAsync("XA-FUTURE-0001", DateTimeOffset.UtcNow.AddDays(30));

        var (pdf, bundle) = await SelfAnchoredDocument.CreateAsync(fixture, fixture.CertService, fixture.Documents[0].Bundle, seal, DateTimeOffset.UtcNow);

        var report = await VerifyAsync(pdf, bundle);

        Assert.Equal(["seal-validity"], Failed(report));
        Assert.Contains("outside seal XA-FUTURE-0001's validity window", Detail(report, "seal-validity"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_sealed_in_the_ECDSA_P256_suite_verifies_like_an_SM2_one()
    {
        var seal = await fixture.CreateSealAsync("XA-ECDSA-0001", DateTimeOffset.UtcNow.AddDays(-1), SealKeyPair.EcdsaP256Sha256);

        var (pdf, bundle) = await SelfAnchoredDocument.CreateAsync(fixture, fixture.CertService, fixture.Documents[0].Bundle, seal, DateTimeOffset.UtcNow);

        var report = await VerifyAsync(pdf, bundle);
        Assert.Equal("valid", report.GetProperty("verdict").GetString());
        Assert.Contains(SealKeyPair.EcdsaP256Sha256, Detail(report, "document-signature"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_bundle_endpoint_still_runs_only_the_bundle_checks()
    {
        using var client = fixture.Verifier.CreateClient();

        var report = await (await client.PostAsJsonAsync("/api/v1/verify", fixture.Documents[0].Bundle, JsonSerializerOptions.Web)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("valid", report.GetProperty("verdict").GetString());
        Assert.DoesNotContain(report.GetProperty("checks").EnumerateArray(), c => DocumentChecks.Contains(c.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Requests_that_are_not_a_PDF_and_a_bundle_get_a_problem_not_a_report()
    {
        using var client = fixture.Verifier.CreateClient();
        var (pdf, bundle) = fixture.Documents[0];

        var json = await client.PostAsJsonAsync("/api/v1/verify/pdf", bundle);
        var noBundle = await client.PostAsync("/api/v1/verify/pdf", VerifierRequests.PdfForm(pdf, (string?)null));
        var notPdf = await client.PostAsync("/api/v1/verify/pdf", VerifierRequests.PdfForm("hello"u8.ToArray(), bundle));
        var badBundle = await client.PostAsync("/api/v1/verify/pdf", VerifierRequests.PdfForm(pdf, "{\"format\":\"x\"}"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        foreach (var response in new[] { noBundle, notPdf, badBundle })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Fact]
    public async Task A_bundle_part_over_a_megabyte_is_413_whether_sent_as_a_file_or_as_a_field()
    {
        using var client = fixture.Verifier.CreateClient();
        var (pdf, bundle) = fixture.Documents[0];
        // The genuine bundle with whitespace after it: still the same JSON, but past the 1 MB a bundle part may be.
        var padded = JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web) + new string(' ', (int)TrustLedger.Verifier.Apis.VerifyApi.MaxBundleBytes);
        using var asFile = VerifierRequests.PdfForm(pdf, padded);
        using var asField = new MultipartFormDataContent();
        asField.Add(new ByteArrayContent(pdf) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf") } }, "document", "certificate.pdf");
        asField.Add(new StringContent(padded), "bundle");

        foreach (var response in new[] { await client.PostAsync("/api/v1/verify/pdf", asFile), await client.PostAsync("/api/v1/verify/pdf", asField) })
        {
            Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("payload-too-large", problem.GetProperty("code").GetString());
            Assert.Contains("1024 KB", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task While_every_document_turn_is_taken_a_document_waits_then_gets_503_with_Retry_After_and_is_verified_once_a_turn_is_free()
    {
        var (pdf, bundle) = fixture.Documents[0];
        var gate = fixture.Verifier.Services.GetRequiredService<TrustLedger.Verifier.Verification.DocumentWorkGate>();
        var limit = fixture.Verifier.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<TrustLedger.Verifier.Verification.DocumentWorkOptions>>().Value.ConcurrentLimit;
        var held = new List<System.Threading.RateLimiting.RateLimitLease>();
        using var client = fixture.Verifier.CreateClient();
        try
        {
            for (var i = 0; i < limit; i++)
            {
                held.Add((await gate.EnterAsync(CancellationToken.None))!);
            }

            using var form = VerifierRequests.PdfForm(pdf, bundle);
            var busy = await client.PostAsync("/api/v1/verify/pdf", form);

            Assert.Equal(HttpStatusCode.ServiceUnavailable, busy.StatusCode);
            Assert.Equal("application/problem+json", busy.Content.Headers.ContentType?.MediaType);
            Assert.True(busy.Headers.RetryAfter is not null);
            var problem = await busy.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("busy", problem.GetProperty("code").GetString());
            Assert.Contains("服务繁忙", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        }
        finally
        {
            held.ForEach(l => l.Dispose());
        }

        Assert.Equal("valid", (await VerifyAsync(pdf, bundle)).GetProperty("verdict").GetString());
    }

    private async Task<JsonElement> VerifyAsync(byte[] pdf, CertificateBundle bundle)
    {
        using var client = fixture.Verifier.CreateClient();
        using var form = VerifierRequests.PdfForm(pdf, bundle);
        var response = await client.PostAsync("/api/v1/verify/pdf", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
