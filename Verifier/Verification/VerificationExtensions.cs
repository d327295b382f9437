using TrustLedger.Verifier.Verification.Checks;

namespace TrustLedger.Verifier.Verification;

public static class VerificationExtensions
{
    /// <summary>Registers the bundle checks, then the document checks; registration order is the order of the report.</summary>
    public static WebApplicationBuilder AddVerification(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddVerificationChecks();
        builder.Services.AddOptions<Receipts.ReceiptOptions>().BindConfiguration(Receipts.ReceiptOptions.Section);
        builder.Services.AddSingleton<Receipts.ReceiptSigner>();
        builder.Services.AddOptions<DocumentWorkOptions>().BindConfiguration(DocumentWorkOptions.Section)
            .Validate(o => o.ConcurrentLimit >= 1 && o.QueueLimit >= 0 && o.MaxWait >= TimeSpan.Zero, $"{DocumentWorkOptions.Section}: ConcurrentLimit must be at least 1, QueueLimit and MaxWait not negative")
            .ValidateOnStart();
        builder.Services.AddSingleton<DocumentWorkGate>();
        builder.Services.AddHostedService<ChainHeadWatcher>();
        return builder;
    }

    /// <summary>The checks and the verifier that runs them: all a verification needs besides chain access (also used by the CLI).</summary>
    public static IServiceCollection AddVerificationChecks(this IServiceCollection services)
    {
        services.AddSingleton<IBundleCheck, TrustedDeploymentCheck>();
        services.AddSingleton<IBundleCheck, IntegrityCheck>();
        services.AddSingleton<IBundleCheck, InclusionProofCheck>();
        services.AddSingleton<IBundleCheck, AnchorCheck>();
        services.AddSingleton<IBundleCheck, IssuerIdentityCheck>();
        services.AddSingleton<IBundleCheck, IssuerAuthorisationCheck>();
        services.AddSingleton<IBundleCheck, StatusCheck>();
        services.AddSingleton<IBundleCheck, DocumentHashCheck>();
        services.AddSingleton<IBundleCheck, DocumentSignatureCheck>();
        services.AddSingleton<IBundleCheck, DataSealSignatureCheck>();
        services.AddSingleton<IBundleCheck, SealRegistrationCheck>();
        services.AddSingleton<IBundleCheck, SealValidityCheck>();
        services.AddSingleton<BundleVerifier>();
        services.AddSingleton<ChainFactsCache>();
        services.AddSingleton<ChainHealth>();
        return services;
    }
}
