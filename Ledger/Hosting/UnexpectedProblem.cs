using Microsoft.AspNetCore.Http;

namespace TrustLedger.Ledger.Hosting;

/// <summary>
/// What an exception no handler claimed becomes: one generic 500 problem, in Chinese and English,
/// with the request's trace id (the problem writer adds <c>traceId</c>) and nothing of the exception:
/// no type, message, host, path or stack. The exception middleware logs the exception itself under
/// the same trace id, so an operator finds it and a caller learns nothing from it. Applied as the
/// problem writer's last customisation, so it holds whatever order handlers were registered in.
/// </summary>
public static class UnexpectedProblem
{
    public const string Code = "internal-error";

    public static void Apply(ProblemDetailsContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var problem = context.ProblemDetails;
        if (problem.Status is not StatusCodes.Status500InternalServerError || problem.Extensions.ContainsKey("code"))
        {
            return;
        }

        problem.Type = "https://trustledger.example/problems/" + Code;
        problem.Title = "服务内部错误 Internal error";
        problem.Detail = "服务处理本次请求时出错，已记录，请凭 traceId 联系运维。The service failed on this request; it was logged. Quote the traceId to the operators.";
        problem.Extensions["code"] = Code;
        problem.Extensions.Remove("exception");
        problem.Extensions.Remove("errors");
    }
}
