using System.Net.Http.Json;
using System.Net;
using System.Text.Json;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;
using UglyToad.PdfPig;
using ZXing.Common;
using ZXing.QrCode.Internal;

namespace TrustLedger.Tests.CertService.Documents;

/// <summary>Rendering does not depend on the store, so these run on the embedded default only.</summary>
public sealed class CertificatePdfTests(AnvilNode anvil) : CertServiceTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>, IAsyncLifetime
{
    public async Task InitializeAsync()
    {
        foreach (var type in Issuing.ShippedTypeCodes)
        {
            await Anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, type));
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public static TheoryData<string> Types => new(Issuing.ShippedTypeCodes);

    [Theory]
    [MemberData(nameof(Types))]
    public async Task The_PDF_text_layer_carries_the_identifier_and_the_Chinese_and_Latin_text(string typeCode)
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var sample = Issuing.Sample(typeCode);
        var id = await Issuing.IssueAsync(client, sample);
        await Service.SealDocumentsAsync();
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}");

        var response = await client.GetAsync($"/api/v1/certificates/{id}/pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        using var pdf = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync());
        var text = string.Concat(pdf.GetPage(1).Letters.Select(l => l.Value));
        Assert.Contains(view.GetProperty("identifier").GetString()!, text, StringComparison.Ordinal);
        Assert.Contains(sample["holder"]!["name"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.Contains(sample["holder"]!["code"]!.GetValue<string>(), text, StringComparison.Ordinal);
        Assert.Contains("Scan to verify", text, StringComparison.Ordinal);
        Assert.Contains("扫码核验", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_QR_code_drawn_in_the_PDF_decodes_to_the_Verifier_URL_of_the_certificate()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        await Service.SealDocumentsAsync();
        var bytes = await client.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");

        using var pdf = PdfDocument.Open(bytes);
        var text = DecodeQr(pdf.GetPage(1));

        Assert.StartsWith($"http://127.0.0.1:5090/v/{id}?h=", text, StringComparison.Ordinal);
        Assert.Matches("h=[0-9a-f]{16}$", text);
    }

    [Fact]
    public async Task Until_the_document_stage_has_sealed_it_the_PDF_answers_409_with_Retry_After()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);

        var response = await client.GetAsync($"/api/v1/certificates/{id}/pdf");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.NotNull(response.Headers.RetryAfter);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.EndsWith("/document-not-ready", problem.GetProperty("type").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_PDF_is_rendered_once_and_served_byte_for_byte_the_same_every_time()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        await Service.SealDocumentsAsync();

        var first = await client.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");
        await Service.SealDocumentsAsync();
        var second = await client.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");

        Assert.Equal(first, second);
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/certificates/{id}");
        var document = view.GetProperty("certificate").GetProperty("document");
        Assert.Equal(Convert.ToHexStringLower(TrustLedger.Ledger.Hashing.HashFunctions.Hash(TrustLedger.Ledger.Hashing.Sm3HashFunction.Instance, first)), document.GetProperty("hash").GetString());
        Assert.Equal("SM3", document.GetProperty("hashAlgorithm").GetString());
    }

    [Fact]
    public async Task Another_departments_certificate_has_no_PDF_for_you()
    {
        using var demo = Service.ClientFor(TestDepartments.Demo);
        using var other = Service.ClientFor(TestDepartments.Other);
        var id = await Issuing.IssueAsync(demo);
        await Service.SealDocumentsAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/certificates/{id}/pdf")).StatusCode);
    }

    // Rebuilds the module grid from the filled squares in the QR area and decodes it with ZXing:
    // the test reads what the PDF draws, not what the renderer meant to draw.
    private static string DecodeQr(UglyToad.PdfPig.Content.Page page)
    {
        var modules = page.Paths
            .Where(p => p.IsFilled)
            .Select(p => p.GetBoundingRectangle())
            .Where(r => r is { Width: > 0 and < 10, Left: < 200 } && r.Value.Bottom < 300)
            .Select(r => r!.Value)
            .ToList();
        var size = modules.Min(r => r.Width);
        var left = modules.Min(r => r.Left);
        var top = modules.Max(r => r.Top);
        var dimension = (int)Math.Round((modules.Max(r => r.Right) - left) / size);
        var matrix = new BitMatrix(dimension);
        foreach (var module in modules)
        {
            matrix[(int)Math.Round((module.Left - left) / size), (int)Math.Round((top - module.Top) / size)] = true;
        }

        return new Decoder().decode(matrix, null).Text;
    }
}
