using System.Data.Common;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// A database that cannot be reached (a PostgreSQL restart or failover, SQLite busy) wherever it
/// surfaces in a request: 503 <c>storage-unavailable</c>. The request's own transaction did not
/// commit, so nothing of it was stored.
/// </summary>
public sealed class StorageUnavailableProblemHandler(IProblemDetailsService problems) : UnavailableProblemHandler(problems)
{
    protected override ProblemKind Kind => ProblemCatalog.StorageUnavailable;

    protected override string ChineseDetail => "数据库暂时无法访问，本次请求未保存任何内容，请稍后重试。";

    protected override string EnglishDetail => "The database could not be reached; nothing of this request was stored. Retry later.";

    // A connection failure, or EF's wrapper around one ("likely due to a transient failure").
    protected override bool IsOutage(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { IsTransient: true } or Npgsql.NpgsqlException { InnerException: System.Net.Sockets.SocketException or IOException or TimeoutException }
                || (e is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteErrorCode is 5 or 6))
            {
                return true;
            }
        }

        return false;
    }
}
