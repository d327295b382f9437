using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Data;
using TrustLedger.Ledger.Merkle;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// Dataset versions: the source department publishes (CSV or JSON Lines, streamed); the source, a
/// department with an approved request, or anyone for an open resource (<see cref="DatasetAccess"/>)
/// gets a row's inclusion proof, checks a single row, or checks a whole received file against an
/// anchored version and learns which rows differ.
/// </summary>
public static class DatasetsApi
{
    /// <summary>The largest upload accepted (a million rows of a wide table fit well below).</summary>
    public const long MaxDatasetBytes = 4L * 1024 * 1024 * 1024;

    public static WebApplicationBuilder AddDataTrust(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<DataTrustOptions>().BindConfiguration(DataTrustOptions.Section);
        builder.Services.AddSingleton<DatasetFiles>();
        builder.Services.AddScoped<DatasetPublisher>();
        return builder;
    }

    public static IEndpointRouteBuilder MapDatasetsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/data/resources/{code}/versions").RequireAuthorization(AccessClaims.IssuerPolicy).WithTags("Dataset versions");
        api.MapPost("/", PublishAsync);
        api.MapGet("/{version:int}", GetAsync);
        api.MapGet("/{version:int}/rows/{index:long}/proof", ProveRowAsync);
        api.MapPost("/{version:int}/rows/{index:long}/verify", VerifyRowAsync);
        api.MapPost("/{version:int}/check", CheckFileAsync);
        return app;
    }

    public static async Task<IResult> PublishAsync(
        string code, string? authoritativeFields, HttpRequest http, ClaimsPrincipal user, CertificateStore store, DatasetPublisher publisher, CancellationToken cancellationToken)
    {
        if (!DatasetReader.TryFormat(http.ContentType, out var jsonLines))
        {
            return UnsupportedMedia();
        }

        var resource = await store.DataResources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (resource is null)
        {
            return Problems.ResourceNotFound(code);
        }

        var department = await DepartmentDirectory.FindAsync(store, user.IssuerCode(), cancellationToken);
        if (department is null || resource.SourceDepartment != department.CreditCode)
        {
            return Problems.NotTheSource(code, $"only its source department {resource.SourceDepartment} publishes its versions");
        }

        var fields = CatalogApi.FieldsOf(resource);
        var claimed = authoritativeFields is { Length: > 0 }
            ? authoritativeFields.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList()
            : fields.Where(f => f.AuthoritativeDepartment == department.CreditCode).Select(f => f.Name!).ToList();
        if (claimed.FirstOrDefault(c => fields.SingleOrDefault(f => f.Name == c)?.AuthoritativeDepartment != department.CreditCode) is { } foreign)
        {
            return Problems.NotTheSource(code, $"field {foreign} has another authoritative source (一数一源); publish it as a copy, not as authoritative");
        }

        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDatasetBytes;
        }

        try
        {
            var (published, refusal) = await publisher.PublishAsync(resource, department, new DatasetReader(http.Body, jsonLines), claimed, cancellationToken);
            return published is null ? Problems.ChainRefused(refusal!) : TypedResults.Created($"/api/v1/data/resources/{code}/versions/{published.Version}", View(published));
        }
        catch (DatasetFormatException ex)
        {
            return Problems.InvalidDataset(ex.Message);
        }
        catch (ChainUnavailableException)
        {
            return Problems.ChainUnavailable();
        }
    }

    public static async Task<Results<Ok<DatasetVersionView>, ProblemHttpResult>> GetAsync(string code, int version, CertificateStore store, CancellationToken cancellationToken) =>
        await FindAsync(store, code, version, cancellationToken) is { } record ? TypedResults.Ok(View(record)) : Problems.VersionNotFound(code, version);

    /// <summary>One row's inclusion proof: what a consumer holding that row needs to prove it belongs to the anchored version.</summary>
    public static async Task<Results<Ok<RowProofView>, ProblemHttpResult>> ProveRowAsync(
        string code, int version, long index, ClaimsPrincipal user, TimeProvider time, CertificateStore store, CertificateVault vault, DatasetFiles files, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        // Access first: a department without it learns nothing, not even which versions and rows exist.
        if (await RefusedAsync(store, code, user, time, cancellationToken) is { } refused)
        {
            return refused;
        }

        var record = await FindAsync(store, code, version, cancellationToken);
        if (record is null || index < 0 || index >= record.RowCount)
        {
            return Problems.VersionNotFound(code, version);
        }

        return TypedResults.Ok(await ProofAsync(record, index, vault, files, deployment, cancellationToken));
    }

    /// <summary>A row's proof with no caller to check: for open resources, which hold no personal field.</summary>
    internal static async Task<Results<Ok<RowProofView>, ProblemHttpResult>> ProveOpenRowAsync(
        string code, int version, long index, CertificateStore store, CertificateVault vault, DatasetFiles files, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var record = await FindAsync(store, code, version, cancellationToken);
        if (record is null || index < 0 || index >= record.RowCount || record.SealedSaltSecret is not null)
        {
            // A salted version holds personal data: its salts never reach an anonymous caller.
            return Problems.VersionNotFound(code, version);
        }

        return TypedResults.Ok(await ProofAsync(record, index, vault, files, deployment, cancellationToken));
    }

    /// <summary>Checks one row the caller holds: its leaf (with the row's salt) and proof lead to the root DataRegistry holds.</summary>
    public static async Task<Results<Ok<RowCheckView>, ProblemHttpResult>> VerifyRowAsync(
        string code, int version, long index, JsonElement row, ClaimsPrincipal user, TimeProvider time, CertificateStore store, CertificateVault vault, DatasetFiles files, DataRegistryClient registry, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        // Access first: a department without it learns nothing, not even which versions and rows exist.
        if (await RefusedAsync(store, code, user, time, cancellationToken) is { } refused)
        {
            return refused;
        }

        var record = await FindAsync(store, code, version, cancellationToken);
        if (record is null || index < 0 || index >= record.RowCount || row.ValueKind != JsonValueKind.Object)
        {
            return Problems.VersionNotFound(code, version);
        }

        var proof = await ProofAsync(record, index, vault, files, deployment, cancellationToken);
        var salt = proof.Salt is null ? [] : Convert.FromHexString(proof.Salt);
        var leaf = DatasetRow.Leaf(DatasetFiles.Hasher, salt, JsonCanonicalizer.Canonicalize(row));
        var path = proof.Path.Select(Convert.FromHexString).ToList();
        var onChain = await registry.GetVersionAsync(code, (uint)version);
        var anchoredRoot = onChain?.Root is { } r ? Convert.ToHexStringLower(r) : null;
        var included = InclusionProofVerifier.Verify(DatasetFiles.Hasher, leaf, new InclusionProof(index, record.RowCount, path), Convert.FromHexString(proof.Root));
        var valid = included && anchoredRoot == proof.Root;
        var detail = valid ? $"row {index} is in version {version} of {code}, anchored in block {onChain!.BlockNumber}"
            : !included ? $"this row is not row {index} of version {version}: its leaf is not in the tree"
            : "the version's root is not the one anchored in DataRegistry";
        return TypedResults.Ok(new RowCheckView(valid, Convert.ToHexStringLower(leaf), proof.Root, anchoredRoot, detail));
    }

    /// <summary>Checks a whole received file against the anchored version: exact match, or which rows were changed, added or removed.</summary>
    public static async Task<IResult> CheckFileAsync(
        string code, int version, HttpRequest http, ClaimsPrincipal user, TimeProvider time, CertificateStore store, CertificateVault vault, DatasetFiles files, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        if (!DatasetReader.TryFormat(http.ContentType, out var jsonLines))
        {
            return UnsupportedMedia();
        }

        var record = await FindAsync(store, code, version, cancellationToken);
        if (record is null)
        {
            return Problems.VersionNotFound(code, version);
        }

        if (await RefusedAsync(store, code, user, time, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (http.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxDatasetBytes;
        }

        try
        {
            var secret = await DatasetPublisher.SaltSecretAsync(vault, record, cancellationToken);
            var (uploaded, uploadedRoot, changed, added, removed) = await DatasetChecker.CompareAsync(record, new DatasetReader(http.Body, jsonLines), secret, files, cancellationToken);
            var matches = uploaded == record.RowCount && changed.Count == 0 && uploadedRoot.AsSpan().SequenceEqual(record.Root);
            var proofs = new List<ChangedRow>();
            foreach (var index in changed.Take(20))
            {
                proofs.Add(new ChangedRow(index, await ProofAsync(record, index, vault, files, deployment, cancellationToken)));
            }

            var summary = matches ? $"the file is exactly version {version} of {code} ({uploaded} rows)"
                : $"the file differs from version {version}: {changed.Count} changed, {added.Count} added, {removed.Count} removed row(s)";
            return TypedResults.Ok(new DatasetCheckView(
                matches, record.RowCount, uploaded, Convert.ToHexStringLower(record.Root), Convert.ToHexStringLower(uploadedRoot),
                proofs, added.Take(DatasetChecker.MaxListed).ToList(), removed.Take(DatasetChecker.MaxListed).ToList(), summary));
        }
        catch (DatasetFormatException ex)
        {
            return Problems.InvalidDataset(ex.Message);
        }
    }

    internal static DatasetVersionView View(DatasetVersionRecord v) => new(
        v.ResourceCode, v.Version, v.RowCount, Convert.ToHexStringLower(v.Root), Convert.ToHexStringLower(v.SchemaHash),
        JsonSerializer.Deserialize<List<string>>(v.SchemaJson) ?? [], v.SealedSaltSecret is not null,
        v.AuthoritativeFields.Split(',', StringSplitOptions.RemoveEmptyEntries), v.TransactionHash ?? "", v.BlockNumber ?? 0, v.PublishedAt, v.ElapsedMilliseconds);

    private static async Task<RowProofView> ProofAsync(DatasetVersionRecord record, long index, CertificateVault vault, DatasetFiles files, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        var leaves = files.LeafFile(record.ResourceCode, record.Version);
        var proof = leaves.Prove(index);
        var secret = await DatasetPublisher.SaltSecretAsync(vault, record, cancellationToken);
        return new RowProofView(
            record.ResourceCode, record.Version, index, record.RowCount, secret is null ? null : Convert.ToHexStringLower(DatasetRow.Salt(secret, index)),
            Convert.ToHexStringLower(leaves.Leaf(index)), proof.Path.Select(Convert.ToHexStringLower).ToList(), Convert.ToHexStringLower(record.Root), record.HashAlgorithm,
            deployment.DataRegistry!, record.TransactionHash ?? "", record.BlockNumber ?? 0);
    }

    /// <summary>A 403 unless the caller may see this resource's rows (<see cref="DatasetAccess"/>).</summary>
    internal static async Task<ProblemHttpResult?> RefusedAsync(CertificateStore store, string code, ClaimsPrincipal user, TimeProvider time, CancellationToken cancellationToken)
    {
        var resource = await store.DataResources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        return resource is not null && await DatasetAccess.MayReadRowsAsync(store, resource, user.IssuerCode(), time.GetUtcNow(), cancellationToken)
            ? null
            : Problems.DataAccessNotApproved(code);
    }

    private static Task<DatasetVersionRecord?> FindAsync(CertificateStore store, string code, int version, CancellationToken cancellationToken) =>
        store.PublishedVersions.AsNoTracking().SingleOrDefaultAsync(v => v.ResourceCode == code && v.Version == version, cancellationToken);

    private static ProblemHttpResult UnsupportedMedia() => ProblemCatalog.DatasetMediaType.Result(
        "请以 Content-Type text/csv（含表头行，UTF-8）或 application/x-ndjson（每行一个 JSON 对象）发送。",
        "Send Content-Type text/csv (header row, UTF-8) or application/x-ndjson (one JSON object per line).");
}

public sealed record RowCheckView(bool Valid, string LeafHash, string Root, string? AnchoredRoot, string Detail);
