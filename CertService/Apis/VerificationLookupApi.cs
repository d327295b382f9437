using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Documents;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Apis;

/// <summary>
/// For the Verifier only (its service key): the bundle behind a QR code, given the certificate id and
/// the check value printed with it. A wrong check value answers 404 like an unknown id, so the
/// endpoint cannot be used to enumerate certificates.
/// </summary>
public static class VerificationLookupApi
{
    public static IEndpointRouteBuilder MapVerificationLookupApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/verification/{id:guid}", LookUpBundle).RequireAuthorization(AccessClaims.VerifierPolicy).WithTags("Verifier service").WithName(nameof(LookUpBundle));
        return app;
    }

    public static async Task<Results<Ok<CertificateBundle>, ProblemHttpResult>> LookUpBundle(
        Guid id, string? h, CertificateStore store, CertificateVault vault, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var record = await store.Certificates.Include(c => c.Batch).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (record is null || h is null || !string.Equals(VerificationLink.CheckValue(record.Id, record.Salt), h, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.CertificateNotFound(id);
        }

        return record.Status == CertificateStatus.Anchored
            ? TypedResults.Ok(record.ToBundle(await vault.OpenAsync(record, cancellationToken), deployment))
            : Problems.NotAnchoredYet(id);
    }
}
