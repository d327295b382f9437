using Nethereum.JsonRpc.Client;

namespace TrustLedger.Ledger.Chain;

/// <summary>Recognises a JSON-RPC error that reports an EVM revert and extracts its revert data.</summary>
internal static class RevertData
{
    // Anvil answers code 3 ("execution reverted") with hex data; Besu answers -32000 with the data
    // in the error's data field. A revert without data still counts as a revert.
    public static bool TryRead(RpcResponseException exception, out string? data)
    {
        data = null;
        var error = exception.RpcError;
        if (error is null)
        {
            return false;
        }

        var message = error.Message ?? "";
        var looksLikeRevert = error.Code == 3 || message.Contains("revert", StringComparison.OrdinalIgnoreCase);
        if (!looksLikeRevert)
        {
            return false;
        }

        var raw = error.Data?.ToString();
        data = raw is not null && raw.StartsWith("0x", StringComparison.Ordinal) ? raw : null;
        return true;
    }
}
