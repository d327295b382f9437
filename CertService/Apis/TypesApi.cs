using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Storage;
using TrustLedger.CertService.Types;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Apis;

/// <summary>Certificate types: anyone may read them; governance administrators add versions, one at a time or in bulk.</summary>
public static class TypesApi
{
    public static IEndpointRouteBuilder MapTypesApi(this IEndpointRouteBuilder app)
    {
        var types = app.MapGroup("/api/v1/types").WithTags("Certificate types").AllowAnonymous().RequireAnonymousRateLimit();
        types.MapGet("/", ListTypes);
        types.MapGet("/{code}", GetCertificateType);
        var admin = app.MapGroup("/api/v1/admin").RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration");
        admin.MapPost("/types", CreateType);
        admin.MapPost("/types:import", ImportTypes);
        return app;
    }

    /// <summary>The newest version of every type.</summary>
    public static async Task<Ok<List<CertificateTypeDefinition>>> ListTypes(CertificateStore store, CancellationToken cancellationToken)
    {
        var all = await store.CertificateTypes.AsNoTracking().ToListAsync(cancellationToken);
        return TypedResults.Ok(all.GroupBy(t => t.Code).Select(g => ToDefinition(g.MaxBy(t => t.Version)!)).OrderBy(t => t.Code, StringComparer.Ordinal).ToList());
    }

    public static async Task<Results<Ok<CertificateTypeDefinition>, ProblemHttpResult>> GetCertificateType(string code, CertificateStore store, CancellationToken cancellationToken)
    {
        var type = await store.CertificateTypes.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).FirstOrDefaultAsync(cancellationToken);
        return type is null ? Problems.TypeNotFound(code) : TypedResults.Ok(ToDefinition(type));
    }

    public static async Task<Results<Created<CertificateTypeDefinition>, ValidationProblem, ProblemHttpResult>> CreateType(
        CertificateTypeDefinition definition, ClaimsPrincipal user, HttpRequest http, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = TypeDefinitionValidator.Validate(definition);
        if (errors.Count > 0)
        {
            return Problems.Invalid(errors, ResponseLanguage.Of(http), ProblemCatalog.InvalidType);
        }

        if (await store.CertificateTypes.AnyAsync(t => t.Code == definition.Code && t.Version == definition.Version, cancellationToken))
        {
            return Problems.TypeExists(definition.Code, definition.Version);
        }

        store.CertificateTypes.Add(CertificateTypeCatalog.ToRecord(definition, user.ActorName(), time.GetUtcNow()));
        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/types/{definition.Code}", definition);
    }

    /// <summary>Bulk load: every definition is checked; valid new ones are stored; the report says what happened to each.</summary>
    public static async Task<Ok<List<TypeImportRow>>> ImportTypes(
        List<CertificateTypeDefinition> definitions, ClaimsPrincipal user, HttpRequest http, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var language = ResponseLanguage.Of(http);
        var report = new List<TypeImportRow>();
        for (var i = 0; i < definitions.Count; i++)
        {
            var definition = definitions[i];
            var errors = TypeDefinitionValidator.Validate(definition);
            if (errors.Count > 0)
            {
                report.Add(new TypeImportRow(i, definition?.Code, definition?.Version ?? 0, "invalid", errors.Select(e => $"{e.Field}: {e.Code} {ErrorCatalog.Message(e, language)}").ToList()));
            }
            else if (await store.CertificateTypes.AnyAsync(t => t.Code == definition!.Code && t.Version == definition.Version, cancellationToken)
                || report.Any(r => r.Status == "created" && r.Code == definition!.Code && r.Version == definition.Version))
            {
                report.Add(new TypeImportRow(i, definition!.Code, definition.Version, "exists", []));
            }
            else
            {
                store.CertificateTypes.Add(CertificateTypeCatalog.ToRecord(definition!, user.ActorName(), time.GetUtcNow()));
                report.Add(new TypeImportRow(i, definition!.Code, definition.Version, "created", []));
            }
        }

        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(report);
    }

    private static CertificateTypeDefinition ToDefinition(CertificateTypeRecord t) => new(
        t.Code, t.Version, t.NameZh, t.NameEn, new TypeAuthority(t.AuthorityCode, t.AuthorityName), t.Family, t.HolderCodeType, t.RequiresValidUntil,
        JsonDocument.Parse(t.FieldsSchema).RootElement.Clone());
}
