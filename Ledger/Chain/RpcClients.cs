using Nethereum.JsonRpc.Client;

namespace TrustLedger.Ledger.Chain;

/// <summary>Creates JSON-RPC clients for a node URL.</summary>
/// <remarks>
/// Nethereum's request timeout (<c>RpcClient.ConnectionTimeout</c>) is process-wide, so it is left at
/// its default here rather than changed per client; a refused connection fails at once regardless.
/// </remarks>
public static class RpcClients
{
    public static IClient Create(string rpcUrl) => new RpcClient(new Uri(rpcUrl));
}
