namespace TrustLedger.CertService.Storage;

public enum StorageProvider
{
    /// <summary>Embedded default: one file, no server.</summary>
    Sqlite,

    /// <summary>Production: PostgreSQL 15 through Npgsql.</summary>
    Postgres,
}
