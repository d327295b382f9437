using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.DataTrust;

/// <summary>
/// The data resource catalog (政务数据资源目录). Governance creates and revises entries (one at a
/// time or imported as a JSON array); each revision's canonical JSON is hashed and anchored in
/// DataRegistry with the resource's source department and each field's authoritative department,
/// so the catalog's history is provable. Departments read it.
/// </summary>
public static partial class CatalogApi
{
    private static readonly string[] SharingClasses = ["unconditional", "conditional", "none"];
    private static readonly string[] OpenClasses = ["open", "conditional", "none"];

    public static IEndpointRouteBuilder MapCatalogApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup("/api/v1/admin/data").RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Data catalog");
        admin.MapPost("/resources", async (CatalogEntryRequest request, ClaimsPrincipal user, [AsParameters] CatalogServices services, CancellationToken ct) =>
        {
            var (view, errors, problem, created) = await SaveAsync(request, user, services, ct);
            return view is not null
                ? (created ? Results.Created($"/api/v1/data/resources/{view.Code}", view) : Results.Ok(view))
                : problem is not null ? problem : ProblemCatalog.InvalidCatalogEntry.Validation(errors!);
        });
        admin.MapPost("/resources:import", ImportAsync);
        var read = app.MapGroup("/api/v1/data/resources").RequireAuthorization(AccessClaims.CatalogReadPolicy).WithTags("Data catalog");
        read.MapGet("/", ListAsync);
        read.MapGet("/{code}", GetAsync);
        return app;
    }

    /// <summary>
    /// Bulk import: a JSON array of entries, or CSV (header row) with the columns code, name,
    /// sourceDepartment, updateCycle, sharingClass, openClass and fields (the fields as a JSON array,
    /// as in the JSON form). Each entry is saved and anchored on its own; the answer says per entry
    /// whether it was created, revised or invalid (with why).
    /// </summary>
    public static async Task<IResult> ImportAsync(HttpRequest http, ClaimsPrincipal user, [AsParameters] CatalogServices services, CancellationToken cancellationToken)
    {
        List<CatalogEntryRequest?> entries;
        try
        {
            entries = http.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
                ? await ReadCsvAsync(http.Body, cancellationToken)
                : await JsonSerializer.DeserializeAsync<List<CatalogEntryRequest?>>(http.Body, StrictJson.Options, cancellationToken) ?? [];
        }
        catch (Exception ex) when (ex is JsonException or CsvHelper.CsvFormatException or System.Text.DecoderFallbackException)
        {
            var at = (ex as JsonException)?.Path ?? "$";
            return ProblemCatalog.InvalidCatalogImport.Validation(new Dictionary<string, string[]>
            {
                ["$"] = [$"请求体既不是目录条目的 JSON 数组，也不是含相应列的 CSV（位置 {at}）。The body is neither a JSON array of catalog entries nor CSV with their columns (at {at})."],
            });
        }

        var outcomes = new List<ImportOutcome>();
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i] is not { } entry)
            {
                outcomes.Add(new ImportOutcome(i, null, "invalid", new Dictionary<string, string[]> { ["$"] = ["not a catalog entry"] }));
                continue;
            }

            var (view, errors, problem, created) = await SaveAsync(entry, user, services, cancellationToken);
            outcomes.Add(view is not null
                ? new ImportOutcome(i, view.Code, created ? "created" : "revised", null)
                : new ImportOutcome(i, entry.Code, "invalid", errors ?? new Dictionary<string, string[]> { ["$"] = [problem is null ? "refused" : "refused by the chain or the chain did not answer"] }));
        }

        return TypedResults.Ok(outcomes);
    }

    private static async Task<List<CatalogEntryRequest?>> ReadCsvAsync(Stream body, CancellationToken cancellationToken)
    {
        var entries = new List<CatalogEntryRequest?>();
        await using var csv = CsvHelper.CsvReader.Create(StrictJson.Reader(body), new CsvHelper.CsvReaderOptions { HasHeader = true, TrimWhitespace = true, MalformedData = CsvHelper.CsvMalformedDataHandling.Throw }, true);
        while (await csv.ReadAsync(cancellationToken))
        {
            string? Text(string column) => csv.TryGetFieldIndex(column, out var index) && index < csv.FieldCount && csv.GetStringOrNull(index) is { Length: > 0 } value ? value : null;
            List<CatalogField>? fields;
            try
            {
                fields = Text("fields") is { } json ? JsonSerializer.Deserialize<List<CatalogField>>(json, StrictJson.Options) : null;
            }
            catch (JsonException)
            {
                fields = null;
            }

            entries.Add(new CatalogEntryRequest(Text("code"), Text("name"), Text("sourceDepartment"), Text("updateCycle"), Text("sharingClass"), Text("openClass"), fields));
        }

        return entries;
    }

    public static async Task<Ok<List<CatalogEntryView>>> ListAsync(CertificateStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.DataResources.AsNoTracking().OrderBy(r => r.Code).ToListAsync(cancellationToken)).Select(View).ToList());

    public static async Task<Results<Ok<CatalogEntryDetail>, ProblemHttpResult>> GetAsync(string code, CertificateStore store, CancellationToken cancellationToken)
    {
        var resource = await store.DataResources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (resource is null)
        {
            return Problems.ResourceNotFound(code);
        }

        var revisions = await store.DataResourceRevisions.AsNoTracking().Where(r => r.Code == code && r.State == ChainWriteStates.Published).OrderBy(r => r.CatalogVersion).ToListAsync(cancellationToken);
        var versions = await store.PublishedVersions.AsNoTracking().Where(v => v.ResourceCode == code).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        return TypedResults.Ok(new CatalogEntryDetail(
            View(resource),
            revisions.Select(r => new CatalogRevisionView(r.CatalogVersion, Convert.ToHexStringLower(r.Hash), r.CanonicalJson, r.TransactionHash ?? "", r.BlockNumber ?? 0, r.At, r.By)).ToList(),
            versions.Select(DatasetsApi.View).ToList()));
    }

    private static async Task<(CatalogEntryView? View, Dictionary<string, string[]>? Errors, IResult? Problem, bool Created)> SaveAsync(
        CatalogEntryRequest request, ClaimsPrincipal user, CatalogServices services, CancellationToken cancellationToken)
    {
        var store = services.Store;
        var errors = new Dictionary<string, string[]>();
        if (request.Code is null || !CodePattern().IsMatch(request.Code))
        {
            errors["code"] = ["code 为 4 至 64 个字母、数字或连字符。code is 4 to 64 letters, digits or hyphens."];
        }

        if (string.IsNullOrWhiteSpace(request.Name))
        {
            errors["name"] = ["须提供名称（name）。name is required."];
        }

        if (!SharingClasses.Contains(request.SharingClass))
        {
            errors["sharingClass"] = ["sharingClass 为 unconditional（无条件共享）、conditional（有条件共享）或 none（不予共享）。sharingClass is unconditional, conditional or none."];
        }

        if (!OpenClasses.Contains(request.OpenClass))
        {
            errors["openClass"] = ["openClass 为 open（开放）、conditional（有条件开放）或 none（不开放）。openClass is open, conditional or none."];
        }

        var fields = request.Fields ?? [];
        if (fields.Count == 0 || fields.Any(f => string.IsNullOrWhiteSpace(f.Name) || f.Name.Trim().Length > 64 || f.Name.Any(char.IsControl))
            || fields.Select(f => f.Name!.Trim()).Distinct(StringComparer.Ordinal).Count() != fields.Count)
        {
            // Compared trimmed, as they are stored: " a" and "a" would be one column twice.
            errors["fields"] = ["fields 中每个字段只能出现一次（最多 64 个字符，不含控制字符）。fields must name each field once (at most 64 characters, no control characters)."];
        }
        else if (fields.FirstOrDefault(f => f.Personal is null) is { } undeclared)
        {
            // No default: a field taken for non-personal by omission would put unsalted row hashes on chain.
            errors["fields"] = [$"字段 {undeclared.Name!.Trim()} 须声明 personal 为 true 或 false。Field {undeclared.Name!.Trim()} must declare personal: true or false."];
        }
        else if (request.OpenClass == "open" && fields.FirstOrDefault(f => f.Personal == true) is { } personal)
        {
            errors["openClass"] = [$"开放资源不得含个人信息，而字段 {personal.Name!.Trim()} 为个人信息。An open resource holds no personal data, and field {personal.Name!.Trim()} is personal."];
        }

        var departments = new Dictionary<string, Department>(StringComparer.Ordinal);
        foreach (var code in fields.Select(f => f.AuthoritativeDepartment ?? request.SourceDepartment).Append(request.SourceDepartment).Distinct())
        {
            if (code is null || await DepartmentDirectory.FindAsync(store, code, cancellationToken) is not { } department)
            {
                errors["sourceDepartment"] = [$"部门 {code ?? "(none)"} 未接入。Department {code ?? "(none)"} is not on board."];
                continue;
            }

            departments[code] = department;
        }

        if (errors.Count > 0)
        {
            return (null, errors, null, false);
        }

        var existing = await store.DataResources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == request.Code, cancellationToken);
        DataResourceStruct? onChain;
        try
        {
            onChain = await services.Data.GetResourceAsync(request.Code!);
        }
        catch (ChainUnavailableException)
        {
            return (null, null, Problems.ChainUnavailable(), false);
        }

        // One past the higher of the database's and the chain's, so a chain ahead of the database never blocks a revision.
        var recorded = await store.DataResourceRevisions.Where(r => r.Code == request.Code).MaxAsync(r => (int?)r.CatalogVersion, cancellationToken) ?? 0;
        var catalogVersion = Math.Max(Math.Max(existing?.CatalogVersion ?? 0, recorded), (int)(onChain?.CatalogVersion ?? 0)) + 1;
        var normalised = fields.Select(f => new CatalogField(f.Name!.Trim(), f.AuthoritativeDepartment ?? request.SourceDepartment, f.Personal!.Value)).ToList();
        var canonical = Encoding.UTF8.GetString(JsonCanonicalizer.Canonicalize(JsonSerializer.Serialize(new
        {
            format = "trustledger.catalog-entry.v1",
            code = request.Code,
            name = request.Name!.Trim(),
            sourceDepartment = request.SourceDepartment,
            updateCycle = request.UpdateCycle ?? "irregular",
            sharingClass = request.SharingClass,
            openClass = request.OpenClass,
            fields = normalised,
            catalogVersion,
        }, JsonSerializerOptions.Web)));
        var now = services.Time.GetUtcNow();
        var revision = new DataResourceRevisionRecord
        {
            Id = Guid.CreateVersion7(now), Code = request.Code!, CatalogVersion = catalogVersion, CanonicalJson = canonical,
            Hash = Sm3HashFunction.Instance.Hash(Encoding.UTF8.GetBytes(canonical)), At = now, By = user.ActorName(), State = ChainWriteStates.Prepared,
        };

        // Recorded before the chain is written: a crash between the two leaves a revision the reconciliation finishes.
        store.DataResourceRevisions.Add(revision);
        try
        {
            await store.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            return (null, null, Problems.ChainRefused($"another revision of {request.Code} is being saved at the same moment; save again"), false);
        }

        TransactionOutcome? outcome;
        try
        {
            outcome = await CatalogRevisions.SendAsync(store, services.Data, await services.Governance.SenderAsync(cancellationToken), revision, cancellationToken);
        }
        catch (ChainUnavailableException)
        {
            return (null, null, Problems.ChainUnavailable(), false);
        }

        if (outcome is { Succeeded: false })
        {
            // Refused, perhaps because this very revision reached the chain another way (a reconciliation
            // sent it while this request waited): sending again is a no-op then, and the chain decides.
            var again = await CatalogRevisions.SendAsync(store, services.Data, await services.Governance.SenderAsync(cancellationToken), revision, cancellationToken);
            if (again is { Succeeded: false })
            {
                // Only a revision still prepared is removed: a reconciliation that settled it meanwhile wins.
                await store.DataResourceRevisions.Where(r => r.Id == revision.Id && r.State == ChainWriteStates.Prepared).ExecuteDeleteAsync(cancellationToken);
                store.Entry(revision).State = EntityState.Detached;
                return (null, null, Problems.ChainRefused(outcome.Revert!.Description), false);
            }

            outcome = again;
        }

        var resource = await CatalogRevisions.ApplyAsync(store, revision, outcome?.TransactionHash, (long)(outcome?.BlockNumber ?? 0), cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        return (View(resource), null, null, existing is null);
    }

    internal static IReadOnlyList<CatalogField> FieldsOf(DataResourceRecord resource) =>
        JsonSerializer.Deserialize<List<CatalogField>>(resource.FieldsJson, JsonSerializerOptions.Web) ?? [];

    private static CatalogEntryView View(DataResourceRecord r) => new(
        r.Code, r.Name, r.SourceDepartment, r.UpdateCycle, r.SharingClass, r.OpenClass, FieldsOf(r), r.CatalogVersion, Convert.ToHexStringLower(r.CatalogHash), r.CatalogTransaction);

    [GeneratedRegex(@"\A[A-Za-z0-9-]{4,64}\z")]
    private static partial Regex CodePattern();
}

public sealed record CatalogEntryDetail(CatalogEntryView Entry, IReadOnlyList<CatalogRevisionView> Revisions, IReadOnlyList<DatasetVersionView> Versions);

/// <summary>What the catalog endpoints need, bound with [AsParameters].</summary>
public sealed record CatalogServices(CertificateStore Store, DataRegistryClient Data, GovernanceSender Governance, TimeProvider Time);
