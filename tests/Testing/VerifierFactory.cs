using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TrustLedger.Tests.Testing;

/// <summary>The Verifier in-process, trusting the deployment on the given Anvil node.</summary>
public sealed class VerifierFactory(AnvilNode anvil, string? rpcUrl = null) : WebApplicationFactory<Verifier.Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Chain:RpcUrl", rpcUrl ?? anvil.RpcUrl);
        builder.UseSetting("Chain:DeploymentFile", anvil.DeploymentFile);
    }
}
