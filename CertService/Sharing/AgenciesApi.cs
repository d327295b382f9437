using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Ledger.Identifiers;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Sharing;

/// <summary>
/// Governance registers the relying agencies holders may share with (code, name, SM2 encryption
/// public key; an API key issued once), and reads the sharing trail with each event's proof
/// against the root anchored in AuditTrail.
/// </summary>
public static partial class AgenciesApi
{
    public static IEndpointRouteBuilder MapAgenciesApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration");
        admin.MapPost("/agencies", RegisterAgency);
        admin.MapPost("/agencies/{code}/api-key", (string code, CertificateStore store, CancellationToken ct) => ReplaceKeyAsync(code, true, store, ct));
        admin.MapDelete("/agencies/{code}/api-key", (string code, CertificateStore store, CancellationToken ct) => ReplaceKeyAsync(code, false, store, ct));
        admin.MapGet("/sharing/events", ListSharingEvents);
        return app;
    }

    public static async Task<Results<Created<AgencyCreated>, ValidationProblem, ProblemHttpResult>> RegisterAgency(
        RegisterAgencyRequest request, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (request.Code is null || !UnifiedSocialCreditCode.IsValid(request.Code))
        {
            errors["code"] = ["code 须为有效的统一社会信用代码（GB 32100）。code must be a valid unified social credit code (GB 32100)."];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["须提供名称（name）。name is required."];
        }

        byte[]? publicKey = null;
        if (request.EncryptionPublicKey is null || !PublicKeyHex().IsMatch(request.EncryptionPublicKey) || !TryReadKey(request.EncryptionPublicKey, out publicKey))
        {
            errors["encryptionPublicKey"] = ["encryptionPublicKey 须为 sm2p256v1 曲线上的未压缩 SM2 公钥，130 位十六进制（04…）。encryptionPublicKey must be an SM2 public key on sm2p256v1, uncompressed, as 130 hex digits (04…)."];
        }

        if (errors.Count > 0)
        {
            return ProblemCatalog.InvalidAgency.Validation(errors);
        }

        if (await store.Agencies.AnyAsync(a => a.Code == request.Code, cancellationToken))
        {
            return Problems.AgencyExists(request.Code!);
        }

        var (key, hash, _) = ApiKeys.Generate();
        store.Agencies.Add(new AgencyRecord
        {
            Code = request.Code!,
            Name = request.Name!.Trim(),
            EncryptionPublicKey = publicKey!,
            ApiKeyHash = hash,
            CreatedAt = time.GetUtcNow(),
            CreatedBy = user.ActorName(),
        });
        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/admin/agencies/{request.Code}", new AgencyCreated(request.Code!, request.Name!.Trim(), key));
    }

    /// <summary>
    /// Rotates an agency's API key (the new key is shown once) or revokes it (no key is shown, so none
    /// works): either way the old key is refused from the next request on, since every request looks
    /// its key's hash up afresh.
    /// </summary>
    public static async Task<Results<Ok<AgencyCreated>, NoContent, ProblemHttpResult>> ReplaceKeyAsync(string code, bool rotate, CertificateStore store, CancellationToken cancellationToken)
    {
        var agency = await store.Agencies.SingleOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (agency is null)
        {
            return Problems.AgencyNotFound(code);
        }

        var (key, hash, _) = ApiKeys.Generate();
        agency.ApiKeyHash = hash;
        await store.SaveChangesAsync(cancellationToken);
        return rotate ? TypedResults.Ok(new AgencyCreated(agency.Code, agency.Name, key)) : TypedResults.NoContent();
    }

    public static async Task<Ok<List<SharingEventView>>> ListSharingEvents(Guid? certificateId, CertificateStore store, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var query = store.SharingEvents.AsNoTracking();
        if (certificateId is { } id)
        {
            query = query.Where(e => e.CertificateId == id);
        }

        var events = await query.OrderBy(e => e.At).ThenBy(e => e.Id).Take(1000).ToListAsync(cancellationToken);
        return TypedResults.Ok(events.Select(e => new SharingEventView(
            e.Id, e.GrantId, e.CertificateId, e.AgencyCode, e.Kind, e.Actor, e.Detail, e.At, Convert.ToHexStringLower(e.EntryHash), SharingTrail.CanonicalJson(e),
            e.TrailRoot is null || e.TrailBlock is null ? null : new TrailView(
                Convert.ToHexStringLower(e.TrailRoot), e.TrailIndex!.Value, e.TrailSize!.Value, CertificateRecordWire.SplitPath(e.TrailProof),
                deployment.AuditTrail!, e.TrailTransaction, e.TrailBlock!.Value))).ToList());
    }

    private static bool TryReadKey(string hex, out byte[] key)
    {
        key = Convert.FromHexString(hex);
        try
        {
            _ = Sm2KeyPair.PublicKeyFrom(key);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    [GeneratedRegex(@"\A04[0-9a-fA-F]{128}\z")]
    private static partial Regex PublicKeyHex();
}
