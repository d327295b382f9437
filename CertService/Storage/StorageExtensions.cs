using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace TrustLedger.CertService.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddCertificateStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => HolderLookup.IsValidKey(o.LookupKey), "Storage:LookupKey must be base64 of at least 32 bytes")
            .ValidateOnStart();
        builder.Services.AddDbContext<SqliteCertificateStore>((services, db) => db.UseSqlite(Options(services).ConnectionString));
        builder.Services.AddDbContext<PostgresCertificateStore>((services, db) => db.UseNpgsql(Options(services).ConnectionString));
        // The provider is read when a store is first needed, so configuration from any source applies.
        builder.Services.AddScoped<CertificateStore>(services => Options(services).Provider switch
        {
            StorageProvider.Postgres => services.GetRequiredService<PostgresCertificateStore>(),
            _ => services.GetRequiredService<SqliteCertificateStore>(),
        });
        builder.Services.AddSingleton<HolderLookup>();
        builder.Services.AddExceptionHandler<StorageUnavailableProblemHandler>();
        builder.Services.AddExceptionHandler<DiskFullProblemHandler>();
        // Registered before the anchoring pipeline and started before the server listens.
        builder.Services.AddHostedService<SingleInstanceLock>();
        builder.Services.AddHostedService<StoreMigrator>();
        return builder;
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
