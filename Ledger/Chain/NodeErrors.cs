using Nethereum.JsonRpc.Client;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// How nodes word their refusals of a raw transaction. Besu, go-ethereum and Anvil share no codes
/// for these (Besu: -32001 nonce too low, -32000 with a message otherwise), so the message is read.
/// </summary>
internal static class NodeErrors
{
    private static readonly string[] AlreadyKnown = ["already known", "known transaction", "already imported", "transaction already exists", "already in the pool", "already in pool"];

    private static readonly string[] NonceTaken = ["nonce too low", "replacement transaction underpriced", "replacement underpriced", "nonce is too low"];

    /// <summary>The node holds this very transaction already (pooled or mined): the send did what it should.</summary>
    public static bool IsAlreadyKnown(RpcResponseException exception) => Matches(exception, AlreadyKnown);

    /// <summary>Another transaction of the account holds that nonce (mined, or pooled at the same price).</summary>
    public static bool IsNonceTaken(RpcResponseException exception) =>
        exception.RpcError?.Code == -32001 || Matches(exception, NonceTaken);

    private static bool Matches(RpcResponseException exception, string[] phrases)
    {
        var message = exception.RpcError?.Message ?? exception.Message;
        return phrases.Any(p => message.Contains(p, StringComparison.OrdinalIgnoreCase));
    }
}
