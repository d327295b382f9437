using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// Answers a database that cannot be reached (a PostgreSQL restart or failover, SQLite busy) wherever
/// it surfaces in a request with a 503 problem and a <c>Retry-After</c>, never a 500: the request's
/// own transaction did not commit, so nothing of it was stored.
/// </summary>
public sealed class StorageUnavailableProblemHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (!IsUnavailable(exception))
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
                Type = "https://trustledger.example/problems/storage-unavailable",
                Title = "存储暂不可用 Storage unavailable",
                Detail = "数据库暂时无法访问，本次请求未保存任何内容，请稍后重试。The database could not be reached; nothing of this request was stored. Retry later.",
                Extensions = { ["code"] = "storage-unavailable" },
            },
        });
    }

    // A connection failure, or EF's wrapper around one ("likely due to a transient failure").
    private static bool IsUnavailable(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is DbException { IsTransient: true } or Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }
                || (exception is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode is 5 or 6))
            {
                return true;
            }
        }

        return false;
    }
}
