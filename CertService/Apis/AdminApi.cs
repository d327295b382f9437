using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Identifiers;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Apis;

/// <summary>
/// The governance administrators' API: onboard departments, grant and revoke certificate types
/// (written to IssuerRegistry on chain and audited), issue and revoke API keys.
/// </summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration");
        admin.MapPost("/departments", OnboardDepartment);
        admin.MapGet("/departments/{code}", GetDepartment);
        admin.MapPost("/departments/{code}/grants", GrantType);
        admin.MapDelete("/departments/{code}/grants/{typeCode}", RevokeType);
        admin.MapGet("/departments/{code}/grants", ListGrants);
        admin.MapPost("/departments/{code}/api-keys", CreateApiKey);
        admin.MapGet("/departments/{code}/api-keys", ListApiKeys);
        admin.MapDelete("/api-keys/{id:guid}", RevokeApiKey);
        return app;
    }

    /// <summary>Onboards a department (key in the keystore, registration on chain, record); repeating it is harmless.</summary>
    public static async Task<Results<Created<DepartmentView>, Ok<DepartmentView>, ValidationProblem, ProblemHttpResult>> OnboardDepartment(
        OnboardDepartmentRequest request, ClaimsPrincipal user, HttpRequest http, CertificateStore store, DepartmentOnboarding onboarding, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        if (!UnifiedSocialCreditCode.IsValid(request.CreditCode))
        {
            errors.Add(new FieldError("creditCode", ErrorCodes.CreditCodeCheck));
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors.Add(new FieldError("name", ErrorCodes.Required));
        }

        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, ResponseLanguage.Of(http), ProblemCatalog.InvalidDepartment);
        }

        var existed = await store.Departments.AnyAsync(d => d.CreditCode == request.CreditCode, cancellationToken);
        try
        {
            var outcome = await onboarding.OnboardAsync(request.CreditCode!, request.Name!.Trim(), user.ActorName(), cancellationToken);
            if (outcome.Department is null)
            {
                return Problems.ChainRefused(outcome.Refusal!.Description);
            }

            var view = await ViewAsync(store, outcome.Department.CreditCode, cancellationToken);
            return existed ? TypedResults.Ok(view) : TypedResults.Created($"/api/v1/admin/departments/{view.CreditCode}", view);
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
    }

    public static async Task<Results<Ok<DepartmentView>, ProblemHttpResult>> GetDepartment(string code, CertificateStore store, CancellationToken cancellationToken) =>
        await store.Departments.AnyAsync(d => d.CreditCode == code, cancellationToken)
            ? TypedResults.Ok(await ViewAsync(store, code, cancellationToken))
            : Problems.DepartmentNotFound(code);

    public static Task<Results<Ok<GrantView>, ValidationProblem, ProblemHttpResult>> GrantType(
        string code, GrantRequest request, ClaimsPrincipal user, HttpRequest http, [AsParameters] GrantServices services, CancellationToken cancellationToken) =>
        ChangeGrantAsync(code, request.TypeCode, "grant", user, http, services, cancellationToken);

    public static Task<Results<Ok<GrantView>, ValidationProblem, ProblemHttpResult>> RevokeType(
        string code, string typeCode, ClaimsPrincipal user, HttpRequest http, [AsParameters] GrantServices services, CancellationToken cancellationToken) =>
        ChangeGrantAsync(code, typeCode, "revoke", user, http, services, cancellationToken);

    public static async Task<Results<Ok<List<GrantView>>, ProblemHttpResult>> ListGrants(string code, CertificateStore store, CancellationToken cancellationToken)
    {
        if (!await store.Departments.AnyAsync(d => d.CreditCode == code, cancellationToken))
        {
            return Problems.DepartmentNotFound(code);
        }

        var audit = await store.GrantAudits.AsNoTracking().Where(a => a.DepartmentCode == code).OrderBy(a => a.At).ToListAsync(cancellationToken);
        return TypedResults.Ok(audit.Select(a => new GrantView(a.DepartmentCode, a.TypeCode, a.Action, a.TransactionHash, a.BlockNumber, a.By, a.At)).ToList());
    }

    /// <summary>Creates an API key for a department; the key is in this answer only.</summary>
    public static async Task<Results<Created<ApiKeyCreated>, ProblemHttpResult>> CreateApiKey(
        string code, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!await store.Departments.AnyAsync(d => d.CreditCode == code, cancellationToken))
        {
            return Problems.DepartmentNotFound(code);
        }

        var (key, hash, prefix) = ApiKeys.Generate();
        var record = new ApiKeyRecord { Id = Guid.CreateVersion7(time.GetUtcNow()), DepartmentCode = code, KeyHash = hash, Prefix = prefix, CreatedAt = time.GetUtcNow(), CreatedBy = user.ActorName() };
        store.ApiKeys.Add(record);
        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/admin/api-keys/{record.Id}", new ApiKeyCreated(record.Id, code, prefix, key));
    }

    public static async Task<Results<Ok<List<ApiKeyView>>, ProblemHttpResult>> ListApiKeys(string code, CertificateStore store, CancellationToken cancellationToken)
    {
        if (await DepartmentDirectory.FindAsync(store, code, cancellationToken) is null)
        {
            return Problems.DepartmentNotFound(code);
        }

        var keys = await store.ApiKeys.AsNoTracking().Where(k => k.DepartmentCode == code).OrderBy(k => k.CreatedAt).ToListAsync(cancellationToken);
        return TypedResults.Ok(keys.Select(k => new ApiKeyView(k.Id, k.DepartmentCode, k.Prefix, k.CreatedAt, k.CreatedBy, k.RevokedAt, k.RevokedBy)).ToList());
    }

    /// <summary>Revokes an API key; the next request that presents it is refused.</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKey(
        Guid id, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var key = await store.ApiKeys.SingleOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (key is null)
        {
            return Problems.ApiKeyNotFound(id);
        }

        if (key.RevokedAt is null)
        {
            key.RevokedAt = time.GetUtcNow();
            key.RevokedBy = user.ActorName();
            await store.SaveChangesAsync(cancellationToken);
        }

        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<GrantView>, ValidationProblem, ProblemHttpResult>> ChangeGrantAsync(
        string code, string? typeCode, string action, ClaimsPrincipal user, HttpRequest http, GrantServices services, CancellationToken cancellationToken)
    {
        var department = await DepartmentDirectory.FindAsync(services.Store, code, cancellationToken);
        if (department is null)
        {
            return Problems.DepartmentNotFound(code);
        }

        if (string.IsNullOrWhiteSpace(typeCode) || !await services.Store.CertificateTypes.AnyAsync(t => t.Code == typeCode, cancellationToken))
        {
            return Problems.Invalid([new FieldError("typeCode", ErrorCodes.TypeUnknown, typeCode)], ResponseLanguage.Of(http), ProblemCatalog.InvalidGrant);
        }

        try
        {
            var registry = await services.Governance.RegistryAsync(cancellationToken);
            var outcome = action == "grant"
                ? await registry.GrantTypeAsync(department.Account, typeCode, cancellationToken)
                : await registry.RevokeTypeAsync(department.Account, typeCode, cancellationToken);
            services.Grants.Forget(department.Account);
            if (!outcome.Succeeded)
            {
                return Problems.ChainRefused(outcome.Revert!.Description);
            }

            var audit = new GrantAuditRecord
            {
                Id = Guid.CreateVersion7(services.Time.GetUtcNow()),
                DepartmentCode = code,
                TypeCode = typeCode,
                Action = action,
                By = user.ActorName(),
                At = services.Time.GetUtcNow(),
                TransactionHash = outcome.TransactionHash!,
                BlockNumber = (long)outcome.BlockNumber!.Value,
            };
            services.Store.GrantAudits.Add(audit);
            await services.Store.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(new GrantView(code, typeCode, action, audit.TransactionHash, audit.BlockNumber, audit.By, audit.At));
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
    }

    private static async Task<DepartmentView> ViewAsync(CertificateStore store, string code, CancellationToken cancellationToken)
    {
        var record = await store.Departments.AsNoTracking().SingleAsync(d => d.CreditCode == code, cancellationToken);
        return new DepartmentView(record.CreditCode, record.Name, record.Account, record.CreatedAt, record.CreatedBy);
    }
}

/// <summary>What grant changes need, bound with [AsParameters].</summary>
public sealed record GrantServices(CertificateStore Store, GovernanceSender Governance, TimeProvider Time, TypeGrants Grants);
