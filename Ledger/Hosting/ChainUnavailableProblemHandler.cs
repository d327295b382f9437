using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Hosting;

/// <summary>
/// Answers an outage of the chain node wherever it surfaces (a seal lookup during issuance, a bulk
/// import, any chain read an endpoint does not handle itself) with a 503 problem and a
/// <c>Retry-After</c>, never a 500: the request changed nothing that is not rolled back.
/// </summary>
public sealed class ChainUnavailableProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not ChainUnavailableException)
        {
            return false;
        }

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "5";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Type = "https://trustledger.example/problems/chain-unavailable",
                Title = "Chain unavailable",
                Detail = "The chain node did not answer; nothing was stored. Retry later.",
                Extensions = { ["code"] = "chain-unavailable" },
            },
        });
    }
}
