using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Apis;

/// <summary>
/// How fast accepted certificates reach the chain, for operators (and the load benchmark): counts,
/// batch sizes and the time from acceptance to the anchoring block, over certificates accepted in a window.
/// </summary>
public static class AnchoringMetricsApi
{
    public static IEndpointRouteBuilder MapAnchoringMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/admin/anchoring/latency", GetAnchoringLatency)
            .RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration").WithName(nameof(GetAnchoringLatency));
        return app;
    }

    /// <summary>
    /// Certificates accepted in [<paramref name="since"/>, <paramref name="until"/>): how many are
    /// pending, anchored or refused, how large their batches were, and acceptance-to-anchored
    /// percentiles. "Anchored" is the anchoring block's timestamp, so figures have one-second resolution.
    /// </summary>
    public static async Task<Ok<AnchoringLatencyView>> GetAnchoringLatency(
        CertificateStore store, TimeProvider time, CancellationToken cancellationToken, DateTimeOffset? since = null, DateTimeOffset? until = null)
    {
        var from = since ?? time.GetUtcNow().AddHours(-1);
        var window = store.Certificates.AsNoTracking().Where(c => c.AcceptedAt >= from);
        if (until is { } to)
        {
            window = window.Where(c => c.AcceptedAt < to);
        }

        var rows = await window
            .Select(c => new { c.AcceptedAt, c.Status, c.BatchId, AnchoredAt = c.Batch == null ? null : c.Batch.AnchoredAt, LeafCount = c.Batch == null ? 0 : c.Batch.LeafCount })
            .ToListAsync(cancellationToken);
        var anchored = rows.Where(r => r.Status == CertificateStatus.Anchored && r.AnchoredAt is not null).ToList();
        var seconds = anchored.Select(r => (r.AnchoredAt!.Value - r.AcceptedAt).TotalSeconds).Order().ToList();
        var batches = anchored.GroupBy(r => r.BatchId).Select(g => g.First().LeafCount).ToList();
        return TypedResults.Ok(new AnchoringLatencyView(
            from,
            rows.Count,
            rows.Count(r => r.Status == CertificateStatus.Pending),
            anchored.Count,
            rows.Count(r => r.Status == CertificateStatus.Refused),
            batches.Count,
            batches.Count == 0 ? 0 : batches.Max(),
            rows.Count == 0 ? null : rows.Min(r => r.AcceptedAt),
            rows.Count == 0 ? null : rows.Max(r => r.AcceptedAt),
            anchored.Count == 0 ? null : anchored.Max(r => r.AnchoredAt),
            new LatencyPercentiles(Percentile(seconds, 0.50), Percentile(seconds, 0.99), seconds.Count == 0 ? null : seconds[^1])));
    }

    // Nearest-rank percentile of sorted values.
    private static double? Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? null : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>Anchoring throughput and latency over certificates accepted since <c>Since</c>.</summary>
public sealed record AnchoringLatencyView(
    DateTimeOffset Since,
    int Certificates,
    int Pending,
    int Anchored,
    int Refused,
    int Batches,
    int LargestBatch,
    DateTimeOffset? FirstAcceptedAt,
    DateTimeOffset? LastAcceptedAt,
    DateTimeOffset? LastAnchoredAt,
    LatencyPercentiles AcceptedToAnchoredSeconds);

/// <summary>Nearest-rank percentiles, in seconds.</summary>
public sealed record LatencyPercentiles(double? P50, double? P99, double? Max);
