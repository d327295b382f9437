using TrustLedger.Verifier.Verification.Checks;

namespace TrustLedger.Verifier.Verification;

public static class VerificationExtensions
{
    /// <summary>Registers the bundle checks, then the document checks; registration order is the order of the report.</summary>
    public static WebApplicationBuilder AddVerification(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IBundleCheck, TrustedDeploymentCheck>();
        builder.Services.AddSingleton<IBundleCheck, IntegrityCheck>();
        builder.Services.AddSingleton<IBundleCheck, InclusionProofCheck>();
        builder.Services.AddSingleton<IBundleCheck, AnchorCheck>();
        builder.Services.AddSingleton<IBundleCheck, IssuerIdentityCheck>();
        builder.Services.AddSingleton<IBundleCheck, IssuerAuthorisationCheck>();
        builder.Services.AddSingleton<IBundleCheck, StatusCheck>();
        builder.Services.AddSingleton<IBundleCheck, DocumentHashCheck>();
        builder.Services.AddSingleton<IBundleCheck, DocumentSignatureCheck>();
        builder.Services.AddSingleton<IBundleCheck, SealRegistrationCheck>();
        builder.Services.AddSingleton<IBundleCheck, SealValidityCheck>();
        builder.Services.AddSingleton<BundleVerifier>();
        builder.Services.AddSingleton<ChainFactsCache>();
        builder.Services.AddOptions<Receipts.ReceiptOptions>().BindConfiguration(Receipts.ReceiptOptions.Section);
        builder.Services.AddSingleton<Receipts.ReceiptSigner>();
        return builder;
    }
}
