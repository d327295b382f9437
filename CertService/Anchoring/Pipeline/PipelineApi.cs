using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Departments;

namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>
/// The pipeline's health for operators: <c>/health/pipeline</c> for monitors (200 ok, 503 degraded:
/// a step failed three times in a row; no error text, it is public), and the administrators' view
/// with each step's last error and note and the chain accounts this instance serves.
/// </summary>
public static class PipelineApi
{
    public static IEndpointRouteBuilder MapPipelineApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/pipeline", GetHealth).AllowAnonymous().WithTags("Health").WithName("GetPipelineHealth");
        app.MapGet("/api/v1/admin/pipeline", GetDetail).RequireAuthorization(AccessClaims.AdminPolicy).WithTags("Administration").WithName("GetPipelineDetail");
        return app;
    }

    public static Results<Ok<PipelineHealthView>, JsonHttpResult<PipelineHealthView>> GetHealth(PipelineHealth health)
    {
        ArgumentNullException.ThrowIfNull(health);
        var view = new PipelineHealthView(
            health.Degraded ? "degraded" : "ok",
            health.Steps.Select(s => new StepHealthView(s.Name, s.ConsecutiveFailures < PipelineHealth.DegradedAfter, s.LastSuccessAt, s.ConsecutiveFailures, s.Backlog)).ToList());
        return health.Degraded ? TypedResults.Json(view, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(view);
    }

    public static Ok<PipelineDetailView> GetDetail(PipelineHealth health, AccountLeases leases)
    {
        ArgumentNullException.ThrowIfNull(health);
        ArgumentNullException.ThrowIfNull(leases);
        return TypedResults.Ok(new PipelineDetailView(
            health.Degraded ? "degraded" : "ok",
            leases.InstanceId,
            leases.HeldAccounts,
            health.Steps.Select(s => new StepDetailView(s.Name, s.LastSuccessAt, s.LastFailureAt, s.ConsecutiveFailures, s.TotalFailures, s.Runs, s.Backlog, s.LastError, s.Note)).ToList()));
    }
}

public sealed record PipelineHealthView(string Status, IReadOnlyList<StepHealthView> Steps);

public sealed record StepHealthView(string Name, bool Healthy, DateTimeOffset? LastSuccessAt, int ConsecutiveFailures, long Backlog);

public sealed record PipelineDetailView(string Status, string Instance, IReadOnlyList<string> HeldAccounts, IReadOnlyList<StepDetailView> Steps);

public sealed record StepDetailView(
    string Name, DateTimeOffset? LastSuccessAt, DateTimeOffset? LastFailureAt, int ConsecutiveFailures, long TotalFailures, long Runs, long Backlog, string? LastError, string? Note);
