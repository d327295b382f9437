using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Apis;

public static class VerifyApi
{
    public static IEndpointRouteBuilder MapVerifyApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/verify", VerifyBundle).WithName(nameof(VerifyBundle)).WithTags("Verification");
        return app;
    }

    /// <summary>
    /// Verifies a bundle against the chain. 200 with the report whether valid or not; 400 when the
    /// body is not a v1 bundle; 503 (verdict unknown) when the chain node cannot be asked.
    /// </summary>
    public static async Task<Results<Ok<VerificationReport>, ValidationProblem, JsonHttpResult<VerificationReport>>> VerifyBundle(
        CertificateBundle bundle, BundleVerifier verifier)
    {
        var (evidence, errors) = BundleReader.Read(bundle);
        if (evidence is null)
        {
            return TypedResults.ValidationProblem(errors, type: "https://trustledger.example/problems/malformed-bundle", title: "The body is not a trustledger.bundle.v1 bundle");
        }

        var report = await verifier.VerifyAsync(evidence);
        return report.Verdict == "unknown"
            ? TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable)
            : TypedResults.Ok(report);
    }
}
