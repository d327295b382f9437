using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace TrustLedger.ServiceDefaults;

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

        var json = badRequest.InnerException as JsonException;
        var path = json?.Path;
        // "Duplicate property 'x' encountered…": the member's name is worth saying, the rest (a type name) is not.
        var duplicate = json?.Message is { } message && message.StartsWith("Duplicate property '", StringComparison.Ordinal)
            ? message["Duplicate property '".Length..].Split('\'')[0]
            : null;
        httpContext.Response.StatusCode = badRequest.StatusCode;
        // A body too large (413) or of the wrong type (415) is that kind; anything else is an unreadable body.
        var kind = badRequest.StatusCode == StatusCodes.Status400BadRequest ? ProblemCatalog.UnreadableBody : ProblemCatalog.ForStatus(badRequest.StatusCode);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = badRequest.StatusCode,
                Type = kind.Type,
                Title = kind.Title,
                Detail = (path, duplicate) switch
                {
                    (null, _) => "请以 Content-Type: application/json 发送符合文档结构的 JSON（UTF-8）。Send a JSON body (UTF-8) of the documented shape with Content-Type: application/json.",
                    (_, { } name) => $"{path} 中成员 \"{name}\" 出现了两次，未保存任何内容。The member \"{name}\" appears twice in {path}; nothing was stored.",
                    _ => $"{path} 处的值缺失、格式错误或类型不符，未保存任何内容。The value at {path} is missing, malformed or of the wrong type; nothing was stored.",
                },
                Extensions = { ["code"] = kind.Code, ["path"] = path is null ? null : duplicate is null ? path : $"{path}.{duplicate}" },
            },
        });
    }
}
