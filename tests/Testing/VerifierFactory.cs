using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace TrustLedger.Tests.Testing;

/// <summary>The Verifier in-process, trusting the deployment on the given Anvil node.</summary>
/// <remarks>With <c>certService</c>, QR lookups go to that in-process CertService with the Verifier's service key.</remarks>
public sealed class VerifierFactory(AnvilNode anvil, string? rpcUrl = null, CertServiceFactory? certService = null, IReadOnlyDictionary<string, string>? settings = null) : WebApplicationFactory<Verifier.Program>
{
    private readonly string _receiptKeystore = Path.Combine(Path.GetTempPath(), $"verifier-keystore-{Guid.NewGuid():N}");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Chain:RpcUrl", rpcUrl ?? anvil.RpcUrl);
        builder.UseSetting("Chain:DeploymentFile", anvil.DeploymentFile);
        builder.UseSetting("CertService:BaseUrl", "http://localhost");
        builder.UseSetting("CertService:ApiKey", CertServiceFactory.VerifierServiceKey);
        builder.UseSetting("Receipts:KeystoreDirectory", _receiptKeystore);
        builder.UseSetting("Receipts:Passphrase", "test-receipts-passphrase");
        builder.UseSetting("Receipts:ScryptN", "1024");
        // Tests call anonymous endpoints far faster than any one citizen; the limit itself has its own tests.
        builder.UseSetting("RateLimits:Anonymous:PermitLimit", "1000000");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (certService is not null)
        {
            builder.ConfigureTestServices(services => services.AddHttpClient<Verifier.Citizen.CertServiceClient>()
                .ConfigurePrimaryHttpMessageHandler(() => certService.Server.CreateHandler()));
        }
    }
}
