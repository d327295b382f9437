using Nethereum.JsonRpc.Client;

namespace TrustLedger.Ledger.Chain;

/// <summary>Creates JSON-RPC clients with a bounded request timeout, so a dead node is an outage, not a hang.</summary>
public static class RpcClients
{
    public static IClient Create(string rpcUrl, TimeSpan? timeout = null)
    {
        var client = new RpcClient(new Uri(rpcUrl));
        RpcClient.ConnectionTimeout = timeout ?? TimeSpan.FromSeconds(10);
        return client;
    }
}
