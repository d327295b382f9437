using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using TrustLedger.Ledger.Bundles;

namespace TrustLedger.Tests.Testing;

/// <summary>Requests as a relying agency's system sends them to the Verifier.</summary>
public static class VerifierRequests
{
    /// <summary>The multipart body of <c>POST /api/v1/verify/pdf</c>: the PDF as <c>document</c>, the bundle (if any) as <c>bundle</c>.</summary>
    public static MultipartFormDataContent PdfForm(byte[] pdf, CertificateBundle? bundle) =>
        PdfForm(pdf, bundle is null ? null : JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web));

    public static MultipartFormDataContent PdfForm(byte[] pdf, string? bundleJson)
    {
        var form = new MultipartFormDataContent();
        var document = new ByteArrayContent(pdf);
        document.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(document, "document", "certificate.pdf");
        if (bundleJson is not null)
        {
            form.Add(new StringContent(bundleJson, Encoding.UTF8, "application/json"), "bundle", "bundle.json");
        }

        return form;
    }
}
