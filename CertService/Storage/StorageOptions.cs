namespace TrustLedger.CertService.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>SQLite connection string; the embedded default keeps the file under devnet/.state.</summary>
    public string ConnectionString { get; set; } = "Data Source=devnet/.state/certservice.db";
}
