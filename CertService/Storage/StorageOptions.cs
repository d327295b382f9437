namespace TrustLedger.CertService.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>SQLite or Npgsql connection string; the embedded default keeps the file under devnet/.state.</summary>
    public string ConnectionString { get; set; } = "Data Source=devnet/.state/certservice.db";

    /// <summary>
    /// Secret key (base64, at least 32 bytes) for the keyed hash of holder codes that makes them
    /// searchable without storing them in a searchable plain form. Keep it out of the database.
    /// </summary>
    public string LookupKey { get; set; } = "";

    /// <summary>How long start-up waits for an unreachable database (a cluster restarting too) before it fails.</summary>
    public TimeSpan StartupTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
