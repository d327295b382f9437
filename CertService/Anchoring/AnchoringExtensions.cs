namespace TrustLedger.CertService.Anchoring;

public static class AnchoringExtensions
{
    public static WebApplicationBuilder AddAnchoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnchoringOptions>().BindConfiguration(AnchoringOptions.Section);
        builder.Services.AddSingleton<AnchoringTrigger>();
        builder.Services.AddSingleton<DepartmentSenders>();
        builder.Services.AddScoped<BatchPreparer>();
        builder.Services.AddScoped<BatchSubmitter>();
        builder.Services.AddSingleton<AnchoringWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnchoringWorker>());
        return builder;
    }
}
