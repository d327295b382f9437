using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TrustLedger.Ledger.Hosting;

/// <summary>
/// Answers a body that cannot be read (bad JSON, a value of the wrong type) with a 400 problem
/// naming the JSON path, in every environment, instead of letting it surface as a 500.
/// </summary>
public sealed class BadRequestProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not BadHttpRequestException badRequest)
        {
            return false;
        }

        var path = (badRequest.InnerException as JsonException)?.Path;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Type = "https://trustledger.example/problems/unreadable-body",
                Title = "The request body could not be read",
                Detail = path is null
                    ? "Send a JSON body of the documented shape with Content-Type: application/json."
                    : $"The value at {path} is missing, malformed or of the wrong type.",
                Extensions = { ["code"] = "unreadable-body" },
            },
        });
    }
}
