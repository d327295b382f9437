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

    public async Task<string> GetGenesisHashAsync() => (await GetBlockAsync(0))?.BlockHash ?? "";

    public async Task<BlockWithTransactionHashes?> GetBlockAsync(ulong number) =>
        (await TransactionSender.RpcCall(() => web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber
            .SendRequestAsync(new BlockParameter(new HexBigInteger(number))))).Value;

    public async Task<bool> HasCodeAsync(string address)
    {
        var code = (await TransactionSender.RpcCall(() => web3.Eth.GetCode.SendRequestAsync(address))).Value;
        return !string.IsNullOrEmpty(code) && code != "0x";
    }
}
