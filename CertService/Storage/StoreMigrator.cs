using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TrustLedger.CertService.Storage;

/// <summary>
/// Applies pending migrations at start-up, before the server takes requests. A database that is not
/// reachable yet (a cluster restarting at the same moment) is waited for, up to
/// <see cref="StorageOptions.StartupTimeout"/>, before the start fails. Instances starting together
/// on PostgreSQL take turns (EF's migration lock).
/// </summary>
public sealed class StoreMigrator(IServiceScopeFactory scopes, IOptions<StorageOptions> options, TimeProvider time, ILogger<StoreMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + options.Value.StartupTimeout;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
                var dataSource = store.Database.GetDbConnection().DataSource;
                if (store is SqliteCertificateStore && !string.IsNullOrEmpty(dataSource) && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } directory)
                {
                    Directory.CreateDirectory(directory);
                }

                await store.Database.MigrateAsync(cancellationToken);
                return;
            }
            catch (DbException ex) when (time.GetUtcNow() < deadline && !cancellationToken.IsCancellationRequested)
            {
                logger.DatabaseNotReachable(ex.Message, attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(5, attempt)), time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
