using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Ledger.Hosting;

public static class ChainServiceCollectionExtensions
{
    /// <summary>
    /// Registers chain access for a service: the RPC client, the deployment record it trusts (read
    /// once, at first use), and read clients for the TrustLedger contracts.
    /// </summary>
    public static IServiceCollection AddTrustLedgerChain(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ChainOptions>().Bind(configuration.GetSection(ChainOptions.Section));
        services.AddSingleton<IClient>(sp => RpcClients.Create(sp.GetRequiredService<IOptions<ChainOptions>>().Value.RpcUrl));
        services.AddSingleton(sp => new ChainReader(sp.GetRequiredService<IClient>()));
        services.AddSingleton(sp => new AccountsAllowlist(sp.GetRequiredService<IClient>(), sp.GetRequiredService<IOptions<ChainOptions>>().Value.AccountsAllowlistFile));
        services.AddSingleton(sp => DeploymentRecord.Load(sp.GetRequiredService<IOptions<ChainOptions>>().Value.DeploymentFile));
        services.AddSingleton(sp => new CertificateAnchorClient(
            sp.GetRequiredService<ChainReader>().Web3, sp.GetRequiredService<DeploymentRecord>().CertificateAnchor));
        services.AddSingleton(sp => new IssuerRegistryClient(
            sp.GetRequiredService<ChainReader>().Web3, sp.GetRequiredService<DeploymentRecord>().IssuerRegistry));
        services.AddSingleton(sp => new SealRegistryClient(
            sp.GetRequiredService<ChainReader>().Web3,
            sp.GetRequiredService<DeploymentRecord>().SealRegistry ?? throw new InvalidOperationException("the deployment record has no SealRegistry: run the deployer again")));
        services.AddSingleton(sp => new AuditTrailClient(
            sp.GetRequiredService<ChainReader>().Web3,
            sp.GetRequiredService<DeploymentRecord>().AuditTrail ?? throw new InvalidOperationException("the deployment record has no AuditTrail: run the deployer again")));
        services.AddSingleton(sp => new CertificateStatusClient(
            sp.GetRequiredService<ChainReader>().Web3,
            sp.GetRequiredService<DeploymentRecord>().CertificateStatus ?? throw new InvalidOperationException("the deployment record has no CertificateStatusRegistry: run the deployer again")));
        services.AddSingleton(sp => new DataRegistryClient(
            sp.GetRequiredService<ChainReader>().Web3,
            sp.GetRequiredService<DeploymentRecord>().DataRegistry ?? throw new InvalidOperationException("the deployment record has no DataRegistry: run the deployer again")));
        return services;
    }
}
