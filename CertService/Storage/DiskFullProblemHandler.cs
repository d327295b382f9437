using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// A full disk wherever a request meets it (a dataset version's files, SQLite's file, PostgreSQL's
/// <c>disk_full</c>): 503 <c>storage-unavailable</c> with <c>Retry-After</c>, never a 500. The
/// request's transaction did not commit; a chain-first write it left prepared is settled by the
/// reconciliation.
/// </summary>
public sealed class DiskFullProblemHandler(IProblemDetailsService problems) : UnavailableProblemHandler(problems)
{
    // ENOSPC and EDQUOT on Linux (.NET keeps the errno as HResult); ERROR_HANDLE_DISK_FULL and ERROR_DISK_FULL on Windows.
    private static readonly HashSet<int> DiskFullCodes = [28, 122, unchecked((int)0x80070027), unchecked((int)0x80070070)];

    protected override ProblemKind Kind => ProblemCatalog.StorageUnavailable;

    protected override string ChineseDetail => "服务器存储空间不足，本次请求未完成，请稍后重试。";

    protected override string EnglishDetail => "The service's storage is full; this request did not complete. Retry later.";

    protected override bool IsOutage(Exception exception) => IsDiskFull(exception);

    public static bool IsDiskFull(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if ((e is IOException io && DiskFullCodes.Contains(io.HResult))
                || e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 }
                || e is Npgsql.PostgresException { SqlState: "53100" })
            {
                return true;
            }
        }

        return false;
    }
}
