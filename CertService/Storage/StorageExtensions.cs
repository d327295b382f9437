using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;

namespace TrustLedger.CertService.Storage;

public static class StorageExtensions
{
    public static WebApplicationBuilder AddCertificateStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section);
        builder.Services.AddDbContext<CertificateStore>((services, db) =>
            db.UseSqlite(services.GetRequiredService<IOptions<StorageOptions>>().Value.ConnectionString));
        // Registered before the anchoring worker and started before the server listens.
        builder.Services.AddHostedService<StoreMigrator>();
        return builder;
    }
}
