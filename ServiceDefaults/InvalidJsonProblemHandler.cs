using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using TrustLedger.Ledger.Canonical;

namespace TrustLedger.ServiceDefaults;

/// <summary>
/// JSON a request carried that has no canonical form (a member given twice, a number no double
/// holds, a lone surrogate), wherever it is found (an issued certificate's fields, a dataset row, a
/// bundle): a 400 problem naming the path, in Chinese and English. Nothing was stored.
/// </summary>
public sealed class InvalidJsonProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (exception is not CanonicalJsonException invalid)
        {
            return false;
        }

        var path = invalid.Path ?? "$";
        return await ProblemResponse.WriteAsync(problems, httpContext, ProblemCatalog.InvalidJson,
            $"{path} 处的值无法按 RFC 8785 规范化（重复的成员名、超出范围的数字或无效的 Unicode），未保存任何内容。",
            $"The value at {path} cannot be canonicalised (RFC 8785): {invalid.Message}. Nothing was stored.",
            new Dictionary<string, object?> { ["path"] = path });
    }
}
