using Microsoft.AspNetCore.Http.HttpResults;
using TrustLedger.Ledger.Chain;
using TrustLedger.ServiceDefaults;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Apis;

/// <summary><c>GET /health/chain</c>: the chain the Verifier answers from, for monitoring (red when stalled or unreachable).</summary>
public static class ChainHealthApi
{
    public static IEndpointRouteBuilder MapChainHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health/chain", GetChainHealth).WithName(nameof(GetChainHealth)).WithTags("Health").RequireAnonymousRateLimit();
        return app;
    }

    /// <summary>200 with chain id, head block, block age and (on Besu) the validators; 503 with the same when stalled; 503 problem when the node does not answer.</summary>
    public static async Task<Results<Ok<ChainHealthReport>, JsonHttpResult<ChainHealthReport>, ProblemHttpResult>> GetChainHealth(ChainHealth health)
    {
        try
        {
            var report = await health.ReportAsync();
            return report.Status == "ok" ? TypedResults.Ok(report) : TypedResults.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        catch (ChainUnavailableException)
        {
            return ProblemCatalog.ChainUnavailable.Result("区块链节点未应答，请稍后重试。", "The chain node did not answer; retry later.");
        }
    }
}
