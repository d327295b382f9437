using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace TrustLedger.Ledger.Chain;

/// <summary>Read-only facts about the chain itself: its id, genesis, head, blocks and deployed code.</summary>
public sealed class ChainReader(IWeb3 web3)
{
    public ChainReader(IClient rpc)
        : this(new Web3(rpc))
    {
    }

    public IWeb3 Web3 => web3;

    public async Task<long> GetChainIdAsync() =>
        (long)(await TransactionSender.RpcCall(() => web3.Eth.ChainId.SendRequestAsync())).Value!.Value;

    public async Task<ulong> GetHeadBlockAsync() =>
        (ulong)(await TransactionSender.RpcCall(() => web3.Eth.Blocks.GetBlockNumber.SendRequestAsync())).Value!.Value;

    /// <summary>How many transactions of the account are mined (<paramref name="pending"/>: mined or in the node's pool).</summary>
    public async Task<long> GetTransactionCountAsync(string account, bool pending) =>
        (long)(await TransactionSender.RpcCall(() => web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(
            account, pending ? BlockParameter.CreatePending() : BlockParameter.CreateLatest()))).Value!.Value;

    /// <summary>The newest block's number and timestamp, in one request.</summary>
    public async Task<(ulong Number, DateTimeOffset Timestamp)> GetHeadAsync()
    {
        var block = (await TransactionSender.RpcCall(() => web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(BlockParameter.CreateLatest()))).Value
            ?? throw new ChainUnavailableException("the chain node returned no latest block");
        return ((ulong)block.Number.Value, DateTimeOffset.FromUnixTimeSeconds((long)block.Timestamp.Value));
    }

    /// <summary>
    /// The QBFT validators at a block (<c>qbft_getValidatorsByBlockNumber</c>), or null where the node
    /// does not offer the QBFT API (Anvil, or a Besu RPC node without QBFT in rpc-http-api).
    /// </summary>
    public async Task<IReadOnlyList<string>?> GetValidatorsAsync(ulong blockNumber)
    {
        try
        {
            return (await TransactionSender.RpcCall(() => web3.Client.SendRequestAsync<string[]>("qbft_getValidatorsByBlockNumber", null, new HexBigInteger(blockNumber).HexValue))).Value;
        }
        catch (RpcResponseException ex) when (ex.RpcError?.Code is -32601 or -32604)
        {
            return null; // method not found / not supported: not a QBFT node
        }
    }

    public async Task<string> GetGenesisHashAsync() => (await GetBlockAsync(0))?.BlockHash ?? "";

    public async Task<BlockWithTransactionHashes?> GetBlockAsync(ulong number) =>
        (await TransactionSender.RpcCall(() => web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new BlockParameter(new HexBigInteger(number))))).Value;

    /// <summary>A mined transaction's receipt, or null when the node knows no such transaction.</summary>
    public async Task<TransactionReceipt?> GetReceiptAsync(string transactionHash) =>
        (await TransactionSender.RpcCall(() => web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash))).Value;

    public async Task<bool> HasCodeAsync(string address)
    {
        var code = (await TransactionSender.RpcCall(() => web3.Eth.GetCode.SendRequestAsync(address))).Value;
        return !string.IsNullOrEmpty(code) && code != "0x";
    }
}
