using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Anchoring;

public static class AnchoringExtensions
{
    public static WebApplicationBuilder AddAnchoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnchoringOptions>().BindConfiguration(AnchoringOptions.Section)
            .Validate(o => HashFunctions.TryByName(o.HashAlgorithm, out _), "Anchoring:HashAlgorithm must be SM3 or SHA-256")
            .Validate(o => o.MaxLeaves is > 0 and <= 1_000_000, "Anchoring:MaxLeaves must be between 1 and 1,000,000")
            .Validate(o => o.Interval > TimeSpan.Zero, "Anchoring:Interval must be positive")
            .ValidateOnStart();
        builder.Services.AddSingleton<AnchoringTrigger>();
        builder.Services.AddSingleton<DepartmentSenders>();
        builder.Services.AddScoped<Documents.DocumentStage>();
        builder.Services.AddScoped<Sharing.TrailRootAnchor>();
        builder.Services.AddScoped<Sharing.SharingTrailAnchoring>();
        builder.Services.AddScoped<DataTrust.DataTrailAnchoring>();
        builder.Services.AddScoped<Lifecycle.StatusChangeSubmitter>();
        builder.Services.AddScoped<BatchPreparer>();
        builder.Services.AddScoped<BatchSubmitter>();
        builder.Services.AddSingleton<AnchoringWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnchoringWorker>());
        return builder;
    }
}
