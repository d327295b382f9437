using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.CertService.Batches;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Idempotency;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Apis;

public static class BatchesApi
{
    public static IEndpointRouteBuilder MapBatchesApi(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/certificates:batch", IssueBatch)
            .RequireAuthorization(AccessClaims.IssuerPolicy)
            .WithIdempotency()
            .WithTags("Certificates")
            .Accepts<List<IssueCertificateRequest>>("application/json", "text/csv");
        return app;
    }

    /// <summary>
    /// Issues up to 10,000 certificates from a JSON array or CSV, streamed. Valid rows are stored,
    /// invalid ones rejected; the answer reports every row.
    /// </summary>
    public static async Task<Results<Ok<BatchReport>, ProblemHttpResult>> IssueBatch(
        HttpRequest http, ClaimsPrincipal user, CertificateStore store, BatchIssuer batches, CancellationToken cancellationToken)
    {
        var department = await DepartmentDirectory.FindAsync(store, user.IssuerCode(), cancellationToken);
        if (department is null)
        {
            return Problems.UnknownDepartment(user.IssuerCode());
        }

        var mediaType = http.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        var rows = mediaType switch
        {
            "text/csv" => CsvBatchReader.ReadAsync(http.Body, cancellationToken),
            "application/json" => JsonBatchReader.ReadAsync(http.Body, cancellationToken),
            _ => null,
        };
        if (rows is null)
        {
            return Problems.UnsupportedMediaType();
        }

        try
        {
            var report = await batches.IssueAsync(store, department, rows, ResponseLanguage.Of(http), cancellationToken);
            return report is null ? Problems.BatchTooLarge(BatchIssuer.MaxRows)
                : report.Total == 0 ? Problems.EmptyBatch() // `[]`, `null`, a header without rows: nothing to issue, nothing stored
                : TypedResults.Ok(report);
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or CsvHelper.CsvFormatException or System.Text.DecoderFallbackException)
        {
            // The transaction the rows were written in is rolled back: an unreadable file stores nothing.
            return Problems.UnreadableBatch();
        }
    }
}
