using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Data;
using TrustLedger.Ledger.Merkle;

namespace TrustLedger.CertService.DataTrust;

public sealed record CrossCheckBody(JsonElement AuthoritativeRow, JsonElement Record);

public sealed record FieldComparison(string Field, string? Submitted, string? Authoritative, bool Agrees, string? AuthoritativeDepartment, bool SourceIsAuthoritative);

public sealed record CrossCheckView(bool Proven, string Detail, IReadOnlyList<FieldComparison> Fields);

/// <summary>
/// 多元校核: a record held by one department is compared field by field with the authoritative
/// source's row, after that row is proven to be row <c>index</c> of the anchored version. Each field
/// says whether the values agree and whether the source is the authority for it (一数一源).
/// </summary>
public static class CrossCheck
{
    public static IEndpointRouteBuilder MapCrossCheck(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/v1/data/resources/{code}/versions/{version:int}/rows/{index:long}/cross-check", CheckAsync)
            .RequireAuthorization(Departments.AccessClaims.IssuerPolicy).WithTags("Dataset versions");
        return app;
    }

    public static async Task<Results<Ok<CrossCheckView>, ProblemHttpResult>> CheckAsync(
        string code, int version, long index, CrossCheckBody body, ClaimsPrincipal user, TimeProvider time, CertificateStore store, CertificateVault vault, DatasetFiles files, DataRegistryClient registry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var record = await store.PublishedVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ResourceCode == code && v.Version == version, cancellationToken);
        var resource = await store.DataResources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (record is null || resource is null || index < 0 || index >= record.RowCount
            || body.AuthoritativeRow.ValueKind != JsonValueKind.Object || body.Record.ValueKind != JsonValueKind.Object)
        {
            return Problems.VersionNotFound(code, version);
        }

        if (await DatasetsApi.RefusedAsync(store, code, user, time, cancellationToken) is { } refused)
        {
            return refused;
        }

        var secret = await DatasetPublisher.SaltSecretAsync(vault, record, cancellationToken);
        var leaf = DatasetRow.Leaf(DatasetFiles.Hasher, secret is null ? [] : DatasetRow.Salt(secret, index), JsonCanonicalizer.Canonicalize(body.AuthoritativeRow));
        var proof = files.LeafFile(code, version).Prove(index);
        var onChain = await registry.GetVersionAsync(code, (uint)version);
        var proven = onChain is not null && InclusionProofVerifier.Verify(DatasetFiles.Hasher, leaf, proof, onChain.Root);
        var catalog = CatalogApi.FieldsOf(resource);
        var claimed = record.AuthoritativeFields.Split(',', StringSplitOptions.RemoveEmptyEntries);
        var fields = body.Record.EnumerateObject().Select(field =>
        {
            var authoritative = body.AuthoritativeRow.TryGetProperty(field.Name, out var value) ? Text(value) : null;
            var submitted = Text(field.Value);
            return new FieldComparison(field.Name, submitted, authoritative, authoritative is not null && authoritative == submitted,
                catalog.FirstOrDefault(f => f.Name == field.Name)?.AuthoritativeDepartment, claimed.Contains(field.Name));
        }).ToList();
        var detail = proven
            ? $"the source's row is row {index} of version {version} of {code}, anchored in block {onChain!.BlockNumber}; {fields.Count(f => f.Agrees)} of {fields.Count} field(s) agree"
            : "the row given as authoritative is not in the anchored version: nothing can be concluded";
        return TypedResults.Ok(new CrossCheckView(proven, detail, proven ? fields : []));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => value.GetRawText(),
    };
}
