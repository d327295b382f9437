using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Crypto;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// Holder-authorised sharing (授权用证). A holder, signed in on the identity platform, sees their
/// certificates and grants one agency access to one certificate for a purpose and a window; an
/// agency fetches it under the grant, encrypted to its own SM2 key. Every grant, revocation and
/// access, served or refused, goes into the anchored sharing trail. An expired or revoked grant
/// stops working on the next request: it is checked every time.
/// </summary>
public static class SharingApi
{
    /// <summary>The longest window a holder may grant.</summary>
    public static readonly TimeSpan MaxGrant = TimeSpan.FromDays(90);

    public static IEndpointRouteBuilder MapSharingApi(this IEndpointRouteBuilder app)
    {
        var holder = app.MapGroup("/api/v1/holder").RequireAuthorization(AccessClaims.HolderPolicy).WithTags("Holder sharing");
        holder.MapGet("/certificates", ListMyCertificates);
        holder.MapGet("/certificates/{id:guid}/grants", ListGrants);
        holder.MapPost("/certificates/{id:guid}/grants", CreateGrant);
        holder.MapPost("/grants/{grantId:guid}/revoke", RevokeGrant);
        app.MapGet("/api/v1/shared/{grantId:guid}", FetchShared).RequireAuthorization(AccessClaims.AgencyPolicy).WithTags("Agency access");
        return app;
    }

    public static async Task<Ok<List<HolderCertificateView>>> ListMyCertificates(ClaimsPrincipal user, CertificateStore store, HolderLookup holders, CancellationToken cancellationToken)
    {
        var hash = holders.Hash(user.Holder());
        var mine = await store.Certificates.AsNoTracking().Where(c => c.HolderCodeHash == hash).OrderByDescending(c => c.AcceptedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(mine.Select(c => new HolderCertificateView(c.Id, c.Identifier, c.TypeCode, c.IssuerCode, c.Status.WireName())).ToList());
    }

    public static async Task<Results<Ok<List<GrantView>>, ProblemHttpResult>> ListGrants(
        Guid id, ClaimsPrincipal user, CertificateStore store, HolderLookup holders, CancellationToken cancellationToken)
    {
        if (await FindMineAsync(store, holders, user, id, cancellationToken) is null)
        {
            return Problems.CertificateNotFound(id);
        }

        var grants = await store.SharingGrants.AsNoTracking().Where(g => g.CertificateId == id).OrderBy(g => g.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(grants.Select(ToView).ToList());
    }

    public static async Task<Results<Created<GrantView>, ValidationProblem, ProblemHttpResult>> CreateGrant(
        Guid id, GrantRequest request, ClaimsPrincipal user, CertificateStore store, HolderLookup holders, TimeProvider time, CancellationToken cancellationToken)
    {
        var certificate = await FindMineAsync(store, holders, user, id, cancellationToken);
        if (certificate is null)
        {
            return Problems.CertificateNotFound(id);
        }

        var now = time.GetUtcNow();
        var notBefore = request.NotBefore ?? now;
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(request.AgencyCode))
        {
            errors["agencyCode"] = ["须提供用证机构代码（agencyCode）。agencyCode is required."];
        }

        if (string.IsNullOrWhiteSpace(request.Purpose) || request.Purpose.Length > 200)
        {
            errors["purpose"] = ["须提供用途（purpose，最多 200 个字符）：用证机构据此知道证照可用于何处。purpose is required (at most 200 characters): the agency sees what it was allowed to use the certificate for."];
        }

        if (request.NotAfter is not { } notAfter || notAfter <= now || notAfter <= notBefore || notAfter - notBefore > MaxGrant)
        {
            errors["notAfter"] = [$"须提供 notAfter：在将来、晚于 notBefore，且至多晚 {MaxGrant.TotalDays:0} 天。notAfter is required, in the future, after notBefore, and at most {MaxGrant.TotalDays:0} days after it."];
        }

        if (errors.Count > 0)
        {
            return ProblemCatalog.InvalidGrant.Validation(errors);
        }

        if (certificate.Status != CertificateStatus.Anchored)
        {
            return Problems.NotAnchoredYet(id);
        }

        if (!await store.Agencies.AnyAsync(a => a.Code == request.AgencyCode, cancellationToken))
        {
            return Problems.AgencyNotFound(request.AgencyCode!);
        }

        var grant = new SharingGrantRecord
        {
            Id = Guid.CreateVersion7(now),
            CertificateId = id,
            AgencyCode = request.AgencyCode!,
            Purpose = request.Purpose!.Trim(),
            NotBefore = notBefore,
            NotAfter = request.NotAfter!.Value,
            CreatedAt = now,
        };
        store.SharingGrants.Add(grant);
        SharingTrail.Record(store, grant, "grant", SharingTrail.HolderPseudonym(certificate.HolderCodeHash), $"purpose: {grant.Purpose}; window: {grant.NotBefore:O} – {grant.NotAfter:O}", now);
        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/holder/certificates/{id}/grants", ToView(grant));
    }

    public static async Task<Results<Ok<GrantView>, ProblemHttpResult>> RevokeGrant(
        Guid grantId, ClaimsPrincipal user, CertificateStore store, HolderLookup holders, TimeProvider time, CancellationToken cancellationToken)
    {
        var grant = await store.SharingGrants.SingleOrDefaultAsync(g => g.Id == grantId, cancellationToken);
        var certificate = grant is null ? null : await FindMineAsync(store, holders, user, grant.CertificateId, cancellationToken);
        if (grant is null || certificate is null)
        {
            return Problems.GrantNotFound(grantId);
        }

        if (grant.RevokedAt is null)
        {
            var now = time.GetUtcNow();
            grant.RevokedAt = now;
            SharingTrail.Record(store, grant, "revoke", SharingTrail.HolderPseudonym(certificate.HolderCodeHash), "revoked by the holder", now);
            await store.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.Ok(ToView(grant));
    }

    /// <summary>The agency's read under a grant. 403 outside the window or after revocation; each attempt is in the trail.</summary>
    public static async Task<Results<Ok<SharedCertificateView>, ProblemHttpResult>> FetchShared(
        Guid grantId, ClaimsPrincipal user, HttpResponse response, CertificateStore store, CertificateVault vault, DeploymentRecord deployment, TimeProvider time, CancellationToken cancellationToken)
    {
        var agencyCode = user.Agency();
        var grant = await store.SharingGrants.AsNoTracking().SingleOrDefaultAsync(g => g.Id == grantId && g.AgencyCode == agencyCode, cancellationToken);
        if (grant is null)
        {
            return Problems.GrantNotFound(grantId);
        }

        var now = time.GetUtcNow();
        var actor = "agency:" + agencyCode;
        if (!grant.IsUsableAt(now))
        {
            var reason = grant.RevokedAt is not null ? "was revoked by the holder" : now < grant.NotBefore ? "is not valid yet" : "has expired";
            SharingTrail.Record(store, grant, "access-refused", actor, reason, now);
            await store.SaveChangesAsync(cancellationToken);
            return Problems.GrantNotUsable(grantId, reason);
        }

        var agency = await store.Agencies.AsNoTracking().SingleAsync(a => a.Code == agencyCode, cancellationToken);
        var certificate = await store.Certificates.Include(c => c.Batch).AsNoTracking().SingleAsync(c => c.Id == grant.CertificateId, cancellationToken);
        var agencyKey = Sm2KeyPair.PublicKeyFrom(agency.EncryptionPublicKey);
        var bundle = certificate.ToBundle("{}", deployment);
        var shared = new SharedCertificateView(
            grant.Id,
            certificate.Id,
            certificate.Identifier,
            grant.Purpose,
            grant.NotAfter,
            await vault.ShareCertificateAsync(certificate, agencyKey, cancellationToken),
            await vault.ShareDocumentAsync(certificate, agencyKey, cancellationToken),
            new SharedBundleParts(bundle.Format, bundle.Salt, bundle.HashAlgorithm, bundle.LeafHash, bundle.Proof, bundle.Anchor));
        SharingTrail.Record(store, grant, "access", actor, $"served certificate {certificate.Identifier} for: {grant.Purpose}", now);
        await store.SaveChangesAsync(cancellationToken);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(shared);
    }

    private static Task<CertificateRecord?> FindMineAsync(CertificateStore store, HolderLookup holders, ClaimsPrincipal user, Guid id, CancellationToken cancellationToken)
    {
        // Someone else's certificate answers 404, as if it did not exist.
        var hash = holders.Hash(user.Holder());
        return store.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id && c.HolderCodeHash == hash, cancellationToken);
    }

    private static GrantView ToView(SharingGrantRecord g) => new(g.Id, g.CertificateId, g.AgencyCode, g.Purpose, g.NotBefore, g.NotAfter, g.CreatedAt, g.RevokedAt);
}
