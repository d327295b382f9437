using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// Reads a contract's events over any block range in requests of at most <c>maxRange</c> blocks,
/// because Besu refuses eth_getLogs ranges over rpc-max-logs-range (5000 by default).
/// </summary>
public sealed class ChunkedLogReader(IWeb3 web3, int maxRange = 5000)
{
    /// <summary>How many eth_getLogs requests this reader has made (for tests and diagnostics).</summary>
    public int RequestCount { get; private set; }

    public async Task<IReadOnlyList<EventLog<TEvent>>> ReadAsync<TEvent>(string contractAddress, ulong fromBlock, ulong toBlock)
        where TEvent : IEventDTO, new()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRange, 1);
        var handler = web3.Eth.GetEvent<TEvent>(contractAddress);
        var logs = new List<EventLog<TEvent>>();
        for (var start = fromBlock; start <= toBlock; start += (ulong)maxRange)
        {
            var end = Math.Min(toBlock, start + (ulong)maxRange - 1);
            var filter = handler.CreateFilterInput(
                new BlockParameter(new HexBigInteger(start)),
                new BlockParameter(new HexBigInteger(end)));
            RequestCount++;
            var chunk = await TransactionSender.RpcCall(() => handler.GetAllChangesAsync(filter));
            logs.AddRange(chunk.Value ?? []);
            if (end == toBlock)
            {
                break;
            }
        }

        return logs;
    }
}
