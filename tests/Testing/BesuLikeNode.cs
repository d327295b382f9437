using TrustLedger.Deployer.Besu;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Tests.Testing;

/// <summary>
/// An Anvil node seen through <see cref="BesuRulesProxy"/>: the contracts are deployed and the test
/// departments registered as on any node, then every client of this fixture talks to the proxy,
/// whose accounts allowlist starts as the registry's accounts, as a generated Besu network's does.
/// </summary>
public sealed class BesuLikeNode : AnvilNode
{
    public BesuRulesProxy Proxy { get; private set; } = null!;

    /// <summary>Anvil itself, behind the proxy.</summary>
    public string AnvilUrl { get; private set; } = "";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        var accounts = await RegistryAccounts.ReadAsync(Chain.Web3, Deployment, await Chain.GetHeadBlockAsync());
        Proxy = await BesuRulesProxy.StartAsync(RpcUrl, accounts);
        AnvilUrl = RpcUrl;
        RpcUrl = Proxy.Url;
        Rpc = RpcClients.Create(Proxy.Url);
        Chain = new ChainReader(Rpc);
    }

    public override async Task DisposeAsync()
    {
        await Proxy.DisposeAsync();
        await base.DisposeAsync();
    }
}
