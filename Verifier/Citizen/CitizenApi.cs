using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Chain;
using TrustLedger.ServiceDefaults;
using TrustLedger.Verifier.Apis;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Citizen;

/// <summary>
/// Verification from a QR code: the citizen page <c>GET /v/{id}?h=</c>, its expert report, and
/// <c>POST /api/v1/verify/qr</c> for systems that scanned the code. The bundle comes from
/// CertService (with the Verifier's service key); the verdict comes from the chain.
/// </summary>
public static class CitizenApi
{
    public static WebApplicationBuilder AddCitizenVerification(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<CertServiceOptions>().BindConfiguration(CertServiceOptions.Section);
        builder.Services.AddOptions<PublicSiteOptions>().BindConfiguration(PublicSiteOptions.Section);
        builder.Services.AddHttpClient<CertServiceClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<CertServiceOptions>>().Value;
            http.BaseAddress = new Uri(options.BaseUrl);
            http.Timeout = TimeSpan.FromSeconds(10);
            http.DefaultRequestHeaders.Add("X-Api-Key", options.ApiKey);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapCitizenApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v/{token}", CitizenPageAsync).ExcludeFromDescription().RequireAnonymousRateLimit();
        app.MapGet("/v/{id:guid}/report", ExpertReportAsync).WithTags("Verification").WithName(nameof(ExpertReportAsync)).RequireAnonymousRateLimit();
        app.MapPost("/api/v1/verify/qr", VerifyQrAsync).WithTags("Verification").WithName(nameof(VerifyQrAsync)).RequireAnonymousRateLimit();
        return app;
    }

    public sealed record QrRequest(string? Payload);

    /// <summary>The page the QR code opens. Always HTML: a malformed or unknown code gets a helpful page, never an error dump.</summary>
    public static async Task<IResult> CitizenPageAsync(string token, string? h, string? lang, HttpRequest request, CertServiceClient certService, BundleVerifier verifier, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = lang == "en" ? "en" : "zh";
        var self = $"/v/{Uri.EscapeDataString(token)}?h={Uri.EscapeDataString(h ?? "")}";
        if (!Guid.TryParse(token, out var id) || !QrPayload.IsCheckValue(h))
        {
            return Page(CitizenPage.Render(null, null, language, self, null), StatusCodes.Status404NotFound);
        }

        var (report, bundle, status) = await VerifyAsync(id, h!, time.GetUtcNow(), false, certService, verifier, cancellationToken);
        var reportPath = bundle is null ? null : $"/v/{id}/report?h={h}";
        return Page(CitizenPage.Render(report, bundle, language, self, reportPath), status);
    }

    /// <summary>The report behind the page, for experts: every check, and the proof and anchor (no personal data).</summary>
    public static async Task<Results<Ok<ExpertReport>, JsonHttpResult<ExpertReport>, ProblemHttpResult>> ExpertReportAsync(
        Guid id, string? h, CertServiceClient certService, BundleVerifier verifier, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!QrPayload.IsCheckValue(h))
        {
            return NotFound();
        }

        var (report, bundle, status) = await VerifyAsync(id, h!, time.GetUtcNow(), false, certService, verifier, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        var expert = new ExpertReport(report, bundle?.HashAlgorithm, bundle?.LeafHash, bundle?.Proof, bundle?.Anchor);
        return status == StatusCodes.Status200OK ? TypedResults.Ok(expert) : TypedResults.Json(expert, statusCode: status);
    }

    /// <summary>Verifies the certificate a scanned QR payload names, at <c>?at=</c> (default now).</summary>
    public static async Task<Results<Ok<VerificationReport>, JsonHttpResult<VerificationReport>, ValidationProblem, ProblemHttpResult>> VerifyQrAsync(
        QrRequest body, HttpRequest request, CertServiceClient certService, BundleVerifier verifier, TimeProvider time, Receipts.ReceiptSigner receipts, IOptions<PublicSiteOptions> site, CancellationToken cancellationToken)
    {
        if (!VerifyApi.TryReadAt(request, time, out var at))
        {
            return VerifyApi.InvalidAt();
        }

        if (!QrPayload.TryParse(body?.Payload, site.Value.PublicUrl, out var id, out var check))
        {
            return ProblemCatalog.InvalidQrPayload.Validation(new Dictionary<string, string[]>
            {
                ["payload"] = [$"payload 须为本核验服务的证照二维码：{site.Value.PublicUrl.TrimEnd('/')}/v/{{id}}?h={{16 位十六进制}}。payload must be this Verifier's certificate code: {site.Value.PublicUrl.TrimEnd('/')}/v/{{id}}?h={{16 hex}}."],
            });
        }

        var (found, _, status) = await VerifyAsync(id, check, at, request.Query.ContainsKey("at"), certService, verifier, cancellationToken);
        if (found is null)
        {
            return NotFound();
        }

        var report = await VerifyApi.WithReceiptAsync(found, request, receipts, cancellationToken);
        return status == StatusCodes.Status200OK ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: status);
    }

    private static async Task<(VerificationReport? Report, CertificateBundle? Bundle, int Status)> VerifyAsync(
        Guid id, string check, DateTimeOffset at, bool atWasAsked, CertServiceClient certService, BundleVerifier verifier, CancellationToken cancellationToken)
    {
        CertificateBundle? bundle;
        try
        {
            bundle = await certService.FindBundleAsync(id, check, cancellationToken);
        }
        catch (ChainUnavailableException)
        {
            return (VerificationReport.Unknown([new CheckResult("certificate-lookup", CheckStatus.Skipped, "CertService did not answer the lookup of this certificate; retry later")], at), null, StatusCodes.Status503ServiceUnavailable);
        }

        if (bundle is null)
        {
            return (null, null, StatusCodes.Status404NotFound);
        }

        var (evidence, _) = BundleReader.Read(bundle);
        if (evidence is null)
        {
            return (VerificationReport.From([CheckResult.Fail("bundle", "CertService returned a bundle that is not of the v1 shape")], null, at), bundle, StatusCodes.Status200OK);
        }

        evidence.At = at;
        evidence.AtWasAsked = atWasAsked;
        var report = await verifier.VerifyAsync(evidence);
        return (report, bundle, report.Verdict == "unknown" ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK);
    }

    private static ProblemHttpResult NotFound() =>
        ProblemCatalog.CertificateNotFound.Result("没有与该编号和校验值相符的已上链证照。", "No anchored certificate has this id and check value.");

    private static IResult Page(string html, int status) => Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
}

/// <summary>A verification report with the proof and anchor it used: everything but the certificate's content.</summary>
public sealed record ExpertReport(VerificationReport Report, string? HashAlgorithm, string? LeafHash, BundleProof? Proof, BundleAnchor? Anchor);
