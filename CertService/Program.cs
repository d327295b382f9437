using Scalar.AspNetCore;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Apis;
using TrustLedger.CertService.DataTrust;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Idempotency;
using TrustLedger.CertService.Issuance;
using TrustLedger.CertService.Lifecycle;
using TrustLedger.CertService.Protection;
using TrustLedger.CertService.Seals;
using TrustLedger.CertService.Sharing;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Hosting;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService;

/// <summary>CertService: issuing departments submit certificates; they are stored, batched and anchored.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1052", Justification = "WebApplicationFactory<Program> needs a non-static entry type.")]
public sealed class Program
{
    private Program()
    {
    }


    /// <summary>The service's exit code: 0 after a clean stop; non-zero when start-up failed or the pipeline's supervision stopped it.</summary>
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        if (DevelopmentSecrets.Refuse(builder.Environment, builder.Configuration, ProductionSecrets.Rules, Console.Error) is { } refused)
        {
            return refused;
        }

        builder.AddTrustLedgerServiceDefaults();
        builder.Services.Configure<Microsoft.AspNetCore.OpenApi.OpenApiOptions>("v1", o => o.AddTrustLedgerExamples());
        builder.Services.AddTrustLedgerChain(builder.Configuration);
        builder.AddCertificateStore();
        builder.AddIssuance();
        builder.AddDepartments();
        builder.AddDepartmentAuthentication();
        builder.AddAnchoring();
        builder.AddDataTrust();

        var app = builder.Build();
        app.UseTrustLedgerServiceDefaults();
        app.UseIdempotencyBuffering();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapScalarApiReference("/docs");
        app.MapCertificatesApi();
        app.MapLifecycleApi();
        app.MapVerificationLookupApi();
        app.MapBatchesApi();
        app.MapTypesApi();
        app.MapAdminApi();
        app.MapAnchoringMetricsApi();
        app.MapSealsApi();
        app.MapAgenciesApi();
        app.MapSharingApi();
        app.MapCatalogApi();
        app.MapDatasetsApi();
        app.MapDataSharingApi();
        app.MapCrossCheck();
        app.MapOpenDataApi();
        app.MapPipelineApi();
        app.MapQuarantineApi();
        try
        {
            await app.RunAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            app.Logger.ServiceStopped(ex.Message, ex);
            return 1;
        }

        return app.Services.GetRequiredService<AnchoringPipeline>().StoppedOnFatalError ? AnchoringPipeline.ExitCode : 0;
    }
}
