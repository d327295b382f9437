using Microsoft.AspNetCore.Http;

namespace TrustLedger.Ledger.Hosting;

/// <summary>
/// Writes one TrustLedger problem from outside an endpoint (exception handlers, the rate limiter):
/// its status, the stable type URI and <c>code</c> extension, the bilingual title and detail.
/// </summary>
public static class ProblemResponse
{
    public const string TypeBase = "https://trustledger.example/problems/";

    public static ValueTask<bool> WriteAsync(
        IProblemDetailsService problems, HttpContext http, int status, string code, string title, string detail, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(http);
        http.Response.StatusCode = status;
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = status, Type = TypeBase + code, Title = title, Detail = detail, Extensions = { ["code"] = code } },
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            context.ProblemDetails.Extensions[key] = value;
        }

        return problems.TryWriteAsync(context);
    }
}
