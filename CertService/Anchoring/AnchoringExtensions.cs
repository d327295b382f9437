using TrustLedger.CertService.Anchoring.Accounts;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hashing;

namespace TrustLedger.CertService.Anchoring;

public static class AnchoringExtensions
{
    /// <summary>The anchoring pipeline: its steps, their supervision, leases on chain accounts and the shared send journal.</summary>
    public static WebApplicationBuilder AddAnchoring(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AnchoringOptions>().BindConfiguration(AnchoringOptions.Section)
            .Validate(o => HashFunctions.TryByName(o.HashAlgorithm, out _), "Anchoring:HashAlgorithm must be SM3 or SHA-256")
            .Validate(o => o.MaxLeaves is > 0 and <= 1_000_000, "Anchoring:MaxLeaves must be between 1 and 1,000,000")
            .Validate(o => o.Interval > TimeSpan.Zero, "Anchoring:Interval must be positive")
            .Validate(o => o.RetryBase > TimeSpan.Zero && o.RetryCap >= o.RetryBase, "Anchoring:RetryBase must be positive and Anchoring:RetryCap at least as long")
            .Validate(o => o.MaxAttempts >= 1, "Anchoring:MaxAttempts must be at least 1")
            .Validate(o => o.LeasePeriod >= TimeSpan.FromSeconds(1), "Anchoring:LeasePeriod must be at least a second")
            .ValidateOnStart();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<PipelineHealth>();
        builder.Services.AddSingleton<PipelineSignals>();
        builder.Services.AddSingleton<AnchoringTrigger>();
        builder.Services.AddSingleton<AccountLeases>();
        builder.Services.AddSingleton<DatabaseSendJournal>();
        builder.Services.AddSingleton<ISendJournal>(sp => sp.GetRequiredService<DatabaseSendJournal>());
        builder.Services.AddSingleton<DepartmentSenders>();
        builder.Services.AddSingleton<ChainRefusals>();
        builder.Services.AddScoped<LeasedDepartments>();
        builder.Services.AddScoped<UnresolvedSends>();
        builder.Services.AddScoped<Sharing.TrailRootAnchor>();
        builder.Services.AddScoped<BatchPreparer>();
        builder.Services.AddScoped<BatchSubmitter>();

        builder.AddStep<LeaseStep>(PipelineSteps.Leases, o => o.LeasePeriod / 3);
        builder.AddStep<Documents.DocumentStage>(PipelineSteps.Documents);
        builder.AddStep<BatchAnchoringStep>(PipelineSteps.Batches);
        builder.AddStep<Lifecycle.StatusChangeSubmitter>(PipelineSteps.StatusChanges);
        builder.AddStep<Sharing.SharingTrailAnchoring>(PipelineSteps.SharingTrail);
        builder.AddStep<DataTrust.DataTrailAnchoring>(PipelineSteps.DataTrail);
        builder.AddStep<ChainWriteReconciliation>(PipelineSteps.Reconciliation);

        builder.Services.AddSingleton<AnchoringPipeline>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<AnchoringPipeline>());
        return builder;
    }

    private static void AddStep<TStep>(this WebApplicationBuilder builder, string name, Func<AnchoringOptions, TimeSpan>? interval = null)
        where TStep : class, IPipelineStep
    {
        builder.Services.AddScoped<TStep>();
        builder.Services.AddSingleton(new PipelineStepRegistration(name, typeof(TStep), interval ?? (o => o.Interval)));
    }
}
