using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// SQLite serves one CertService instance: the first to start holds an exclusive lock on a file
/// beside the database for its lifetime, and a second one refuses to start, naming the database
/// and what to use instead (PostgreSQL, on which any number of instances share one database).
/// </summary>
public sealed class SingleInstanceLock(IOptions<StorageOptions> options) : IHostedService, IDisposable
{
    private FileStream? _lock;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Provider != StorageProvider.Sqlite)
        {
            return Task.CompletedTask;
        }

        var database = new SqliteConnectionStringBuilder(options.Value.ConnectionString).DataSource;
        if (string.IsNullOrEmpty(database) || database == ":memory:")
        {
            return Task.CompletedTask;
        }

        var path = Path.GetFullPath(database) + ".instance-lock";
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        try
        {
            // FileShare.None is an exclusive lock (flock on Linux), released when the process ends, however it ends.
            _lock = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException ex)
        {
            throw new InvalidOperationException(
                $"Another CertService instance is already using the SQLite database {Path.GetFullPath(database)}. SQLite serves one instance; " +
                "to run several instances at once (active-active), use PostgreSQL: Storage:Provider=Postgres.", ex);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }
}
