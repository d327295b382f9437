using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Verifier.Receipts;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Apis;

public static class VerifyApi
{
    /// <summary>The largest PDF accepted for verification; certificate documents are well under 1 MB.</summary>
    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/verify", VerifyBundle).WithName(nameof(VerifyBundle)).WithTags("Verification");
        app.MapGet("/api/v1/receipts/key", async (ReceiptSigner receipts, CancellationToken ct) =>
            TypedResults.Ok(new { algorithm = "SM2-SM3", userId = "1234567812345678", publicKey = Convert.ToHexStringLower((await receipts.KeyAsync(ct)).PublicKeyBytes) }))
            .WithTags("Verification").WithName("ReceiptKey");
        app.MapPost("/api/v1/verify/pdf", VerifyDocument).WithName(nameof(VerifyDocument)).WithTags("Verification")
            .Accepts<IFormFile>("multipart/form-data")
            .DisableAntiforgery(); // a machine API without cookies: there is no session to forge requests with
        return app;
    }

    /// <summary>
    /// Verifies a bundle against the chain, at <c>?at=</c> (default now). 200 with the report whether
    /// valid or not; 400 when the body is not a v1 bundle; 503 (verdict unknown) when the chain node
    /// cannot be asked.
    /// </summary>
    public static async Task<Results<Ok<VerificationReport>, ValidationProblem, JsonHttpResult<VerificationReport>, ProblemHttpResult>> VerifyBundle(
        CertificateBundle bundle, BundleVerifier verifier, HttpRequest request, TimeProvider time, ReceiptSigner receipts, CancellationToken cancellationToken)
    {
        if (!TryReadAt(request, time, out var at))
        {
            return InvalidAt();
        }

        var (evidence, errors) = BundleReader.Read(bundle);
        if (evidence is null)
        {
            return MalformedBundle(errors);
        }

        evidence.At = at;
        evidence.AtWasAsked = request.Query.ContainsKey("at");
        return Answer(await WithReceiptAsync(await verifier.VerifyAsync(evidence), request, receipts, cancellationToken));
    }

    /// <summary>
    /// Verifies a sealed certificate PDF (multipart part <c>document</c>) with its bundle (part
    /// <c>bundle</c>, a file or a field): every bundle check, then the document's hash against the
    /// anchored leaf, its embedded signature, the seal's registration and its validity when sealed.
    /// A PDF that fails a check is a 200 report, not an error; 400 only for a request that is not one.
    /// </summary>
    public static async Task<Results<Ok<VerificationReport>, ValidationProblem, JsonHttpResult<VerificationReport>, ProblemHttpResult>> VerifyDocument(
        HttpRequest request, BundleVerifier verifier, TimeProvider time, ReceiptSigner receipts, CancellationToken cancellationToken)
    {
        if (!TryReadAt(request, time, out var at))
        {
            return InvalidAt();
        }

        if (!request.HasFormContentType)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, type: "https://trustledger.example/problems/multipart-required",
                title: "Send multipart/form-data", detail: "Post the PDF as part 'document' and its bundle as part 'bundle'.");
        }

        var form = await request.ReadFormAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();
        var document = form.Files.GetFile("document");
        if (document is null || document.Length == 0)
        {
            errors["document"] = ["the PDF is required as part 'document'"];
        }
        else if (document.Length > MaxDocumentBytes)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, type: "https://trustledger.example/problems/document-too-large",
                title: "Document too large", detail: $"A certificate document is at most {MaxDocumentBytes / (1024 * 1024)} MB.");
        }

        var bundleText = form.Files.GetFile("bundle") is { } file ? await ReadTextAsync(file, cancellationToken) : form["bundle"].ToString();
        CertificateBundle? bundle = null;
        if (string.IsNullOrWhiteSpace(bundleText))
        {
            errors["bundle"] = ["the certificate's bundle is required as part 'bundle': it holds the anchored leaf the document is checked against"];
        }
        else
        {
            try
            {
                bundle = JsonSerializer.Deserialize<CertificateBundle>(bundleText, JsonSerializerOptions.Web);
            }
            catch (JsonException ex)
            {
                errors["bundle"] = [$"the bundle is not JSON: {ex.Message}"];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, type: "https://trustledger.example/problems/invalid-document-request", title: "The request does not carry a PDF and its bundle");
        }

        var (evidence, bundleErrors) = BundleReader.Read(bundle);
        if (evidence is null)
        {
            return MalformedBundle(bundleErrors);
        }

        var pdf = new byte[document!.Length];
        await using (var stream = document.OpenReadStream())
        {
            await stream.ReadExactlyAsync(pdf, cancellationToken);
        }

        if (!pdf.AsSpan().StartsWith("%PDF-"u8))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["document"] = ["the file is not a PDF (no %PDF- header)"] },
                type: "https://trustledger.example/problems/invalid-document-request", title: "The request does not carry a PDF and its bundle");
        }

        evidence.Document = pdf;
        evidence.At = at;
        evidence.AtWasAsked = request.Query.ContainsKey("at");
        evidence.AtWasAsked = request.Query.ContainsKey("at");
        return Answer(await WithReceiptAsync(await verifier.VerifyAsync(evidence), request, receipts, cancellationToken));
    }

    private static Results<Ok<VerificationReport>, ValidationProblem, JsonHttpResult<VerificationReport>, ProblemHttpResult> Answer(VerificationReport report) =>
        report.Verdict == "unknown"
            ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(report);

    /// <summary>Signs the report when the caller asked for a receipt (<c>?receipt=true</c>).</summary>
    internal static async Task<VerificationReport> WithReceiptAsync(VerificationReport report, HttpRequest request, ReceiptSigner receipts, CancellationToken cancellationToken) =>
        string.Equals(request.Query["receipt"].ToString(), "true", StringComparison.OrdinalIgnoreCase)
            ? await receipts.SignAsync(report, cancellationToken)
            : report;

    /// <summary>The optional <c>at</c> query parameter (ISO 8601 with an offset); now when absent.</summary>
    internal static bool TryReadAt(HttpRequest request, TimeProvider time, out DateTimeOffset at)
    {
        var text = request.Query["at"].ToString();
        if (string.IsNullOrEmpty(text))
        {
            at = time.GetUtcNow();
            return true;
        }

        return DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out at);
    }

    private static ValidationProblem InvalidAt() =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["at"] = ["at must be a date and time, e.g. 2026-12-01T08:00:00+08:00"] },
            type: "https://trustledger.example/problems/invalid-time", title: "The time asked about is not readable");

    private static ValidationProblem MalformedBundle(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, type: "https://trustledger.example/problems/malformed-bundle", title: "The body is not a trustledger.bundle.v1 bundle");

    private static async Task<string> ReadTextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
