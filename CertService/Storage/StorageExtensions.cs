using Microsoft.EntityFrameworkCore;

namespace TrustLedger.CertService.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddCertificateStore(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(StorageOptions.Section).Get<StorageOptions>() ?? new StorageOptions();
        builder.Services.AddDbContext<CertificateStore>(db => db.UseSqlite(options.ConnectionString));
        return builder;
    }

    /// <summary>Applies pending migrations before the service takes requests.</summary>
    public static async Task MigrateCertificateStoreAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        var dataSource = store.Database.GetDbConnection().DataSource;
        if (!string.IsNullOrEmpty(dataSource) && Path.GetDirectoryName(Path.GetFullPath(dataSource)) is { } directory)
        {
            Directory.CreateDirectory(directory);
        }

        await store.Database.MigrateAsync();
    }
}
