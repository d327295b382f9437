using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.DataTrust;

public sealed record DataRequestBody(string? Purpose, string? LegalBasis, DateTimeOffset? NotAfter);

public sealed record DecisionBody(string? Reason);

public sealed record DeliveryBody(int? Version, string? DataHash, string? Channel);

public sealed record DataRequestView(Guid Id, string Resource, string Consumer, string Purpose, string LegalBasis, DateTimeOffset NotAfter, string State, string? Reason);

public sealed record TrailEntryView(long Sequence, string Kind, Guid RequestId, string Consumer, int? Version, string? DataHash, string Detail, string Actor, DateTimeOffset At,
    string PrevHash, string EntryHash, string CanonicalJson, string? TrailRoot, IReadOnlyList<string>? TrailPath, int? TrailIndex, int? TrailSize, string? TrailTransaction, long? TrailBlock);

/// <summary>The trail of a resource for a span, with the entries just outside it, and whether the chain proves the list complete.</summary>
public sealed record DataTrailView(string Resource, DateTimeOffset From, DateTimeOffset To, TrailEntryView? Before, IReadOnlyList<TrailEntryView> Entries, TrailEntryView? After, bool Complete, IReadOnlyList<string> Problems, string AuditTrailContract);

/// <summary>
/// Data sharing (数据共享) between departments: a consumer asks for a resource (purpose, legal basis,
/// window); unconditionally shared resources are approved at once, conditional ones by the source;
/// the source logs each delivery with the version and the hash of what it delivered. Every step is
/// an entry of the resource's hash-chained trail, anchored each round, which auditors read.
/// </summary>
public static partial class DataSharingApi
{
    public static IEndpointRouteBuilder MapDataSharingApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/data").RequireAuthorization(AccessClaims.IssuerPolicy).WithTags("Data sharing");
        api.MapPost("/resources/{code}/requests", RequestAsync);
        api.MapPost("/requests/{id:guid}/approve", (Guid id, DecisionBody body, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken ct) => DecideAsync(id, true, body, user, store, time, ct));
        api.MapPost("/requests/{id:guid}/refuse", (Guid id, DecisionBody body, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken ct) => DecideAsync(id, false, body, user, store, time, ct));
        api.MapPost("/requests/{id:guid}/deliveries", DeliverAsync);
        app.MapGet("/api/v1/admin/data/resources/{code}/trail", TrailAsync).RequireAuthorization(AccessClaims.AuditReadPolicy).WithTags("Data sharing");
        return app;
    }

    public static async Task<Results<Created<DataRequestView>, ValidationProblem, ProblemHttpResult>> RequestAsync(
        string code, DataRequestBody body, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var resource = await store.DataResources.AsNoTracking().SingleOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (resource is null)
        {
            return Problems.ResourceNotFound(code);
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Purpose) || string.IsNullOrWhiteSpace(body.LegalBasis))
        {
            errors["purpose"] = ["须同时提供用途（purpose）和法律依据（legalBasis）。purpose and legalBasis are both required."];
        }

        if (body.NotAfter is not { } notAfter || notAfter <= now || notAfter > now.AddYears(1))
        {
            errors["notAfter"] = ["须提供 notAfter，且在将来、一年以内。notAfter is required, in the future and within a year."];
        }

        if (errors.Count > 0)
        {
            return ProblemCatalog.InvalidDataRequest.Validation(errors);
        }

        if (resource.SharingClass == "none")
        {
            return Problems.NotShared(code);
        }

        var request = new DataSharingRequestRecord
        {
            Id = Guid.CreateVersion7(now), ResourceCode = code, Consumer = user.IssuerCode(), Purpose = body.Purpose!.Trim(), LegalBasis = body.LegalBasis!.Trim(),
            NotAfter = body.NotAfter!.Value, State = "pending", RequestedAt = now,
        };
        store.DataSharingRequests.Add(request);
        await DataTrail.AppendAsync(store, request, "request", user.ActorName(), $"purpose: {request.Purpose}; legal basis: {request.LegalBasis}; until {request.NotAfter:O}", now, cancellationToken);
        if (resource.SharingClass == "unconditional")
        {
            request.State = "approved";
            request.DecidedAt = now;
            await DataTrail.AppendAsync(store, request, "approve", "catalog:unconditional", "无条件共享: approved by the catalog's sharing class", now, cancellationToken);
        }

        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/data/requests/{request.Id}", View(request));
    }

    public static async Task<Results<Ok<DataRequestView>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, DecisionBody body, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, problem) = await AsSourceAsync(id, user, store, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (request.State != "pending")
        {
            return Problems.RequestDecided(id, request.State);
        }

        var now = time.GetUtcNow();
        request.State = approve ? "approved" : "refused";
        request.DecidedAt = now;
        request.Reason = body?.Reason;
        await DataTrail.AppendAsync(store, request, approve ? "approve" : "refuse", user.ActorName(), body?.Reason ?? (approve ? "approved by the source" : "refused by the source"), now, cancellationToken);
        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(View(request));
    }

    public static async Task<Results<Created<TrailEntryView>, ValidationProblem, ProblemHttpResult>> DeliverAsync(
        Guid id, DeliveryBody body, ClaimsPrincipal user, CertificateStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        var (request, problem) = await AsSourceAsync(id, user, store, cancellationToken);
        if (request is null)
        {
            return problem!;
        }

        if (body.Version is not { } version || body.DataHash is null || !Hex64().IsMatch(body.DataHash) || body.Channel is not ("api" or "file" or "table-sync"))
        {
            return ProblemCatalog.InvalidDelivery.Validation(new Dictionary<string, string[]>
            {
                ["delivery"] = ["须提供 version、dataHash（所交付内容的 SM3，64 位十六进制）和 channel（api、file 或 table-sync）。version, dataHash (SM3 of what was delivered, 64 hex) and channel (api, file or table-sync) are required."],
            });
        }

        var now = time.GetUtcNow();
        if (request.State != "approved" || now > request.NotAfter)
        {
            return Problems.RequestDecided(id, request.State == "approved" ? "expired" : request.State);
        }

        if (!await store.PublishedVersions.AnyAsync(v => v.ResourceCode == request.ResourceCode && v.Version == version, cancellationToken))
        {
            return Problems.VersionNotFound(request.ResourceCode, version);
        }

        var entry = await DataTrail.AppendAsync(store, request, "delivery", user.ActorName(), $"delivered by {body.Channel}", now, cancellationToken, version, body.DataHash.ToLowerInvariant());
        await store.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/v1/admin/data/resources/{request.ResourceCode}/trail", View(entry));
    }

    /// <summary>
    /// The trail for a span (default: all of it) with the entries just before and after it. Complete
    /// when the chain holds from <c>before</c> to <c>after</c>: no entry of the span can be missing,
    /// since every entry names its predecessor's hash and each is anchored in AuditTrail.
    /// </summary>
    public static async Task<Results<Ok<DataTrailView>, ProblemHttpResult>> TrailAsync(
        string code, DateTimeOffset? from, DateTimeOffset? to, CertificateStore store, DeploymentRecord deployment, CancellationToken cancellationToken)
    {
        if (!await store.DataResources.AnyAsync(r => r.Code == code, cancellationToken))
        {
            return Problems.ResourceNotFound(code);
        }

        var start = from ?? DateTimeOffset.MinValue;
        var end = to ?? DateTimeOffset.MaxValue;
        var entries = await store.DataTrail.AsNoTracking().Where(e => e.ResourceCode == code && e.At >= start && e.At <= end).OrderBy(e => e.Sequence).ToListAsync(cancellationToken);
        var before = await store.DataTrail.AsNoTracking().Where(e => e.ResourceCode == code && e.At < start).OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var after = await store.DataTrail.AsNoTracking().Where(e => e.ResourceCode == code && e.At > end).OrderBy(e => e.Sequence).FirstOrDefaultAsync(cancellationToken);
        var chain = new List<DataTrailEntryRecord>();
        if (before is not null)
        {
            chain.Add(before);
        }

        chain.AddRange(entries);
        if (after is not null)
        {
            chain.Add(after);
        }

        var problems = DataTrail.ChainProblems(chain);
        if (chain.Count > 0 && before is null && chain[0].Sequence != 1)
        {
            problems.Insert(0, $"entries 1–{chain[0].Sequence - 1} are missing");
        }

        if (chain.LastOrDefault() is { TrailBlock: null } unanchored)
        {
            problems.Add($"entry {unanchored.Sequence} is not anchored yet: completeness is proven up to the last anchored entry after the next round");
        }

        return TypedResults.Ok(new DataTrailView(code, start, end, before is null ? null : View(before), entries.Select(View).ToList(), after is null ? null : View(after),
            problems.Count == 0, problems, deployment.AuditTrail!));
    }

    private static async Task<(DataSharingRequestRecord? Request, ProblemHttpResult? Problem)> AsSourceAsync(Guid id, ClaimsPrincipal user, CertificateStore store, CancellationToken cancellationToken)
    {
        var request = await store.DataSharingRequests.SingleOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (request is null)
        {
            return (null, Problems.DataRequestNotFound(id));
        }

        var resource = await store.DataResources.AsNoTracking().SingleAsync(r => r.Code == request.ResourceCode, cancellationToken);
        return resource.SourceDepartment == user.IssuerCode()
            ? (request, null)
            : (null, Problems.NotTheSource(resource.Code, $"only its source department {resource.SourceDepartment} decides on requests and records deliveries"));
    }

    private static DataRequestView View(DataSharingRequestRecord r) => new(r.Id, r.ResourceCode, r.Consumer, r.Purpose, r.LegalBasis, r.NotAfter, r.State, r.Reason);

    private static TrailEntryView View(DataTrailEntryRecord e) => new(
        e.Sequence, e.Kind, e.RequestId, e.Consumer, e.Version, e.DataHash, e.Detail, e.Actor, e.At, Convert.ToHexStringLower(e.PrevHash), Convert.ToHexStringLower(e.EntryHash),
        DataTrail.CanonicalJson(e), e.TrailRoot is null ? null : Convert.ToHexStringLower(e.TrailRoot), e.TrailProof is null ? null : CertificateRecordWire.SplitPath(e.TrailProof),
        e.TrailIndex, e.TrailSize, e.TrailTransaction, e.TrailBlock);

    [GeneratedRegex(@"\A[0-9a-fA-F]{64}\z")]
    private static partial Regex Hex64();
}
