using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Documents;
using TrustLedger.CertService.Idempotency;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.Apis;

public static class CertificatesApi
{
    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/certificates").RequireAuthorization(AccessClaims.IssuerPolicy).WithTags("Certificates");
        api.MapPost("/", IssueCertificate).WithName(nameof(IssueCertificate)).WithIdempotency();
        api.MapGet("/", CertificateListing.ListCertificates).WithName(nameof(CertificateListing.ListCertificates));
        api.MapGet("/{id:guid}", GetCertificate).WithName(nameof(GetCertificate));
        api.MapGet("/{id:guid}/bundle", GetBundle).WithName(nameof(GetBundle));
        api.MapGet("/{id:guid}/pdf", GetDocument).WithName(nameof(GetDocument));
        return app;
    }

    /// <summary>Validates, identifies, canonicalises, salts and stores a certificate; answers 202 once it is durable.</summary>
    public static async Task<Results<Accepted<CertificateAccepted>, ValidationProblem, ProblemHttpResult>> IssueCertificate(
        IssueCertificateRequest request,
        ClaimsPrincipal user,
        HttpRequest http,
        [AsParameters] IssuanceServices services,
        CancellationToken cancellationToken)
    {
        var department = await DepartmentDirectory.FindAsync(services.Store, user.IssuerCode(), cancellationToken);
        if (department is null)
        {
            return Problems.UnknownDepartment(user.IssuerCode());
        }

        IssuanceOutcome outcome;
        try
        {
            outcome = await services.Issuer.PrepareAsync(services.Store, department, request, new TypeCache(), cancellationToken);
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }

        if (outcome.SealWaitReason is not null)
        {
            http.HttpContext.Response.Headers.RetryAfter = "30";
            return Problems.SealUnavailable();
        }

        if (outcome.UngrantedType is { } ungranted)
        {
            return Problems.TypeNotGranted(ungranted);
        }

        if (!outcome.Succeeded)
        {
            return Problems.Invalid(outcome.Errors, ResponseLanguage.Of(http));
        }

        await services.Store.SaveChangesAsync(cancellationToken);
        services.Trigger.LeafAccepted();
        var certificate = outcome.Certificate!;
        return TypedResults.Accepted($"/api/v1/certificates/{certificate.Id}", new CertificateAccepted(certificate.Id, certificate.Identifier, "pending"));
    }

    public static async Task<Results<Ok<CertificateView>, ProblemHttpResult>> GetCertificate(
        Guid id, ClaimsPrincipal user, CertificateStore store, CertificateVault vault, IOptions<DocumentOptions> documents, CancellationToken cancellationToken)
    {
        var record = await FindOwnAsync(store, id, user, cancellationToken);
        if (record is null)
        {
            return Problems.CertificateNotFound(id);
        }

        string? canonical;
        try
        {
            canonical = await vault.OpenAsync(record, cancellationToken);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Its stored form cannot be decrypted (a damaged row, a key gone): the view says where it stands without it.
            canonical = null;
        }

        return TypedResults.Ok(ToView(record, canonical, VerificationLink.For(documents.Value.VerifierPublicUrl, record.Id, record.Salt)));
    }

    /// <summary>The self-contained verification bundle; available once the certificate is anchored.</summary>
    public static async Task<Results<Ok<CertificateBundle>, ProblemHttpResult>> GetBundle(
        Guid id, ClaimsPrincipal user, CertificateStore store, CertificateVault vault, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var record = await FindOwnAsync(store, id, user, cancellationToken);
        if (record is null)
        {
            return Problems.CertificateNotFound(id);
        }

        return record.Status switch
        {
            CertificateStatus.Anchored => TypedResults.Ok(record.ToBundle(await vault.OpenAsync(record, cancellationToken), deployment)),
            CertificateStatus.Refused => Problems.AnchoringRefused(id, record.Batch?.RefusalReason),
            CertificateStatus.Failed => Problems.Quarantined(id, record.LastFailure),
            _ => Problems.NotAnchoredYet(id),
        };
    }

    /// <summary>
    /// The sealed PDF exactly as rendered once and bound into the anchored leaf (never re-rendered);
    /// 409 while the document stage has not produced it yet; 404 for a data-only certificate.
    /// </summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDocument(
        Guid id, ClaimsPrincipal user, CertificateStore store, CertificateVault vault, HttpResponse response, CancellationToken cancellationToken)
    {
        var record = await FindOwnAsync(store, id, user, cancellationToken);
        if (record is null)
        {
            return Problems.CertificateNotFound(id);
        }

        if (await vault.OpenDocumentAsync(record, cancellationToken) is not { } pdf)
        {
            if (record.LeafHash is not null)
            {
                return Problems.NoDocument(id); // the leaf exists without a document: issued as data only
            }

            response.Headers.RetryAfter = "2";
            return Problems.DocumentNotReady(id);
        }

        return TypedResults.File(pdf, "application/pdf", $"{record.Identifier}.pdf");
    }

    private static Task<CertificateRecord?> FindOwnAsync(CertificateStore store, Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        // Another department's certificate answers 404, not 403: its existence is not disclosed.
        var issuer = user.IssuerCode();
        return store.Certificates.Include(c => c.Batch).AsNoTracking()
            .SingleOrDefaultAsync(c => c.Id == id && c.IssuerCode == issuer, cancellationToken);
    }

    private static CertificateView ToView(CertificateRecord record, string? canonicalJson, string verificationUrl)
    {
        var anchor = record is { Status: CertificateStatus.Anchored, Batch: { } batch }
            ? new AnchorView(
                Convert.ToHexStringLower(batch.Root),
                record.LeafIndex!.Value,
                batch.LeafCount,
                CertificateRecordWire.SplitPath(record.ProofPath),
                batch.HashAlgorithm,
                batch.TransactionHash!,
                batch.BlockNumber!.Value,
                batch.AnchoredAt!.Value)
            : null;
        return new CertificateView(
            record.Id, record.Identifier, record.Status.WireName(), Lifecycle.CertificateTransitions.Name(record.Lifecycle), record.TypeCode, record.IssuerCode, record.AcceptedAt,
            verificationUrl, canonicalJson is null ? null : Parse(canonicalJson), anchor,
            canonicalJson is null ? "the stored certificate cannot be decrypted" : record.Status == CertificateStatus.Failed ? record.LastFailure : null);
    }

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}

/// <summary>The services the issuance handler needs, bound with [AsParameters].</summary>
public sealed record IssuanceServices(
    CertificateStore Store,
    CertificateIssuer Issuer,
    AnchoringTrigger Trigger);
