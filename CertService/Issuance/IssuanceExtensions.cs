using TrustLedger.CertService.Types;

namespace TrustLedger.CertService.Issuance;

public static class IssuanceExtensions
{
    public static WebApplicationBuilder AddIssuance(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CertificateTypeCatalog>();
        builder.Services.AddSingleton<CertificateIssuer>();
        builder.Services.AddOptions<IssuanceOptions>().BindConfiguration(IssuanceOptions.Section);
        builder.Services.AddSingleton<SerialAllocator>();
        builder.Services.AddSingleton<TypeGrants>();
        builder.Services.AddScoped<Batches.BatchIssuer>();
        builder.Services.AddOptions<Documents.DocumentOptions>().BindConfiguration(Documents.DocumentOptions.Section);
        // After the store migrator: the shipped types are bulk-loaded before requests are taken.
        builder.Services.AddHostedService<TypeSeeder>();
        return builder;
    }
}
