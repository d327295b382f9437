using Microsoft.EntityFrameworkCore;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// Tells a unique-index conflict (another writer took the key first) from every other failed save,
/// so only the conflict is answered as one: PostgreSQL's SQLSTATE 23505, SQLite's extended code
/// 2067 (SQLITE_CONSTRAINT_UNIQUE) or 1555 (SQLITE_CONSTRAINT_PRIMARYKEY). Anything else (an outage,
/// a check failing) propagates to its own handler.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(DbUpdateException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return exception.InnerException switch
        {
            Npgsql.PostgresException postgres => postgres.SqlState == Npgsql.PostgresErrorCodes.UniqueViolation,
            Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
            _ => false,
        };
    }
}
