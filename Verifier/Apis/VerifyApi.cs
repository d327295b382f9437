using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Canonical;
using TrustLedger.ServiceDefaults;
using TrustLedger.Verifier.Receipts;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Apis;

public static class VerifyApi
{
    /// <summary>The largest PDF accepted for verification; certificate documents are well under 1 MB.</summary>
    public const long MaxDocumentBytes = 20 * 1024 * 1024;

    /// <summary>A bundle part is JSON of a few kilobytes; a megabyte is far more than any holds.</summary>
    public const long MaxBundleBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/verify", VerifyBundle).WithName(nameof(VerifyBundle)).WithTags("Verification").RequireAnonymousRateLimit();
        app.MapGet("/api/v1/receipts/key", async (ReceiptSigner receipts, CancellationToken ct) =>
            TypedResults.Ok(new { algorithm = "SM2-SM3", userId = "1234567812345678", publicKey = Convert.ToHexStringLower((await receipts.KeyAsync(ct)).PublicKeyBytes) }))
            .WithTags("Verification").WithName("ReceiptKey").RequireAnonymousRateLimit();
        app.MapPost("/api/v1/verify/pdf", VerifyDocument).WithName(nameof(VerifyDocument)).WithTags("Verification").RequireAnonymousRateLimit()
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
        HttpRequest request, BundleVerifier verifier, DocumentWorkGate gate, TimeProvider time, ReceiptSigner receipts, CancellationToken cancellationToken)
    {
        if (!TryReadAt(request, time, out var at))
        {
            return InvalidAt();
        }

        if (!request.HasFormContentType)
        {
            return ProblemCatalog.MultipartRequired.Result("请将 PDF 作为 document 部分、证照包作为 bundle 部分发送。", "Post the PDF as part 'document' and its bundle as part 'bundle'.");
        }

        IFormCollection form;
        try
        {
            // A multipart body without a boundary, truncated, with a part lacking Content-Disposition
            // or with more parts than the form limits allow cannot be read: that is the caller's 400.
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException or IOException)
        {
            return UnreadableForm();
        }

        // The upload is complete (buffered by the form reader); reading, parsing and checking it waits for a turn.
        using var turn = await gate.EnterAsync(cancellationToken);
        if (turn is null)
        {
            return ProblemCatalog.Busy.Result("正在核验的文档已达上限，请稍后重试。", "Too many documents are being verified right now; retry later.");
        }

        string bundleText;
        try
        {
            var bundleFile = form.Files.GetFile("bundle");
            if (bundleFile is { Length: > MaxBundleBytes })
            {
                return BundleTooLarge();
            }

            bundleText = bundleFile is not null ? await ReadTextAsync(bundleFile, cancellationToken) : form["bundle"].ToString();
            if (bundleFile is null && Encoding.UTF8.GetByteCount(bundleText) > MaxBundleBytes)
            {
                return BundleTooLarge();
            }
        }
        catch (Exception ex) when (ex is IOException or DecoderFallbackException)
        {
            return UnreadableForm();
        }

        var errors = new Dictionary<string, string[]>();
        var document = form.Files.GetFile("document");
        if (document is null || document.Length == 0)
        {
            errors["document"] = ["须以 document 部分附上 PDF。The PDF is required as part 'document'."];
        }
        else if (document.Length > MaxDocumentBytes)
        {
            return TooLarge();
        }

        CertificateBundle? bundle = null;
        if (string.IsNullOrWhiteSpace(bundleText))
        {
            errors["bundle"] = ["须以 bundle 部分附上证照包：文档要与其中已上链的叶子比对。The certificate's bundle is required as part 'bundle': it holds the anchored leaf the document is checked against."];
        }
        else
        {
            try
            {
                bundle = JsonSerializer.Deserialize<CertificateBundle>(bundleText, StrictJson.Options);
            }
            catch (JsonException ex)
            {
                // The path, not the message: a binder's message names .NET types.
                errors["bundle"] = [$"证照包不是 trustledger.bundle.v1 JSON 对象（位置 {ex.Path ?? "$"}）。The bundle is not a trustledger.bundle.v1 JSON object (at {ex.Path ?? "$"})."];
            }
        }

        if (errors.Count > 0)
        {
            return ProblemCatalog.InvalidDocumentRequest.Validation(errors);
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
            return ProblemCatalog.InvalidDocumentRequest.Validation(new Dictionary<string, string[]> { ["document"] = ["该文件不是 PDF（缺少 %PDF- 文件头）。The file is not a PDF (no %PDF- header)."] });
        }

        evidence.Document = pdf;
        evidence.At = at;
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

        return VerificationTime.TryParse(text, out at);
    }

    internal static ValidationProblem InvalidAt() =>
        ProblemCatalog.InvalidTime.Validation(new Dictionary<string, string[]>
        {
            ["at"] = ["at 须为 1970 年至 9000 年之间带时区的日期时间，例如 2026-12-01T08:00:00+08:00。at must be a date and time from 1970-01-01T00:00:00Z to before 9000-01-01T00:00:00Z, e.g. 2026-12-01T08:00:00+08:00."],
        });

    private static ValidationProblem MalformedBundle(Dictionary<string, string[]> errors) => ProblemCatalog.MalformedBundle.Validation(errors);

    private static ProblemHttpResult UnreadableForm() => ProblemCatalog.UnreadableForm.Result(
        "请求体不是可读的 multipart/form-data（边界缺失或错误、内容截断、部分缺少 Content-Disposition、字段过多，或 bundle 不是 UTF-8）。",
        "The body is not readable multipart/form-data (a missing or wrong boundary, a truncated body, a part without Content-Disposition, too many parts, or a bundle that is not UTF-8).");

    private static ProblemHttpResult TooLarge() =>
        ProblemCatalog.DocumentTooLarge.Result($"证照文档最大 {MaxDocumentBytes / (1024 * 1024)} MB。", $"A certificate document is at most {MaxDocumentBytes / (1024 * 1024)} MB.");

    private static ProblemHttpResult BundleTooLarge() =>
        ProblemCatalog.PayloadTooLarge.Result($"证照包最大 {MaxBundleBytes / 1024} KB。", $"A bundle is at most {MaxBundleBytes / 1024} KB.");

    private static async Task<string> ReadTextAsync(IFormFile file, CancellationToken cancellationToken)
    {
        await using var stream = file.OpenReadStream();
        using var reader = StrictJson.Reader(stream);
        return await reader.ReadToEndAsync(cancellationToken);
    }
}
