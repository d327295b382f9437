using Microsoft.AspNetCore.Http;

namespace TrustLedger.ServiceDefaults;

/// <summary>
/// Writes one catalogue problem from outside an endpoint (exception handlers, the rate limiter):
/// its status, type URI, <c>code</c> extension and bilingual title, with a detail in both languages.
/// </summary>
public static class ProblemResponse
{
    public static ValueTask<bool> WriteAsync(
        IProblemDetailsService problems, HttpContext http, ProblemKind kind, string chinese, string english, IReadOnlyDictionary<string, object?>? extensions = null)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(kind);
        http.Response.StatusCode = kind.Status;
        var context = new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = { Status = kind.Status, Type = kind.Type, Title = kind.Title, Detail = $"{chinese} {english}", Extensions = { ["code"] = kind.Code } },
        };
        foreach (var (key, value) in extensions ?? new Dictionary<string, object?>())
        {
            context.ProblemDetails.Extensions[key] = value;
        }

        return problems.TryWriteAsync(context);
    }
}
