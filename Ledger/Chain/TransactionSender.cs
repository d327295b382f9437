using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// The one sender loop of one chain account. Transactions are signed locally (Besu has no
/// eth_sendTransaction), legacy type with gas price 0 (free-gas chain; Nethereum's EIP-1559 fee
/// suggestion would ask for a 2 gwei tip), and bound to the chain id. Sends are serialised and
/// the nonce is tracked here: after any failed send the next nonce is read again from the node,
/// so a failure never leaves a nonce gap.
/// </summary>
public sealed class TransactionSender : IDisposable
{
    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(200);

    private readonly Web3 _web3;
    private readonly TimeSpan _receiptTimeout;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private BigInteger? _nextNonce;

    public TransactionSender(SigningKey key, long chainId, IClient rpc, TimeSpan receiptTimeout)
    {
        ArgumentNullException.ThrowIfNull(key);
        var account = new Account(key.Expose(), chainId);
        account.TransactionManager.UseLegacyAsDefault = true;
        _web3 = new Web3(account, rpc);
        Address = account.Address;
        _receiptTimeout = receiptTimeout;
    }

    public string Address { get; }

    /// <summary>Read-only access to the node this sender writes to.</summary>
    public IWeb3 Web3 => _web3;

    /// <summary>Besu's answer to a sender outside its local accounts allowlist.</summary>
    public const int SenderNotAllowlistedCode = -32007;

    /// <summary>Estimates, signs, sends and waits for the receipt of one transaction; a sender refused by the allowlist is an outcome, not an exception.</summary>
    public async Task<TransactionOutcome> SendAsync(TransactionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        input.From = Address;
        input.GasPrice = new HexBigInteger(0);
        input.Value ??= new HexBigInteger(0);

        string hash;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var estimate = await RpcCall(() => _web3.Eth.Transactions.EstimateGas.SendRequestAsync(ToCall(input)));
            if (estimate.Revert is not null)
            {
                return TransactionOutcome.Reverted(estimate.Revert);
            }

            // Estimation runs against the pending state; a margin covers state that moves before mining.
            input.Gas = new HexBigInteger((estimate.Value!.Value * 12 / 10) + 10_000);
            _nextNonce ??= (await RpcCall(() => _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Address, BlockParameter.CreatePending()))).Value!.Value;
            input.Nonce = new HexBigInteger(_nextNonce.Value);
            try
            {
                var sent = await RpcCall(() => _web3.TransactionManager.SendTransactionAsync(input));
                if (sent.Revert is not null)
                {
                    _nextNonce = null;
                    return TransactionOutcome.Reverted(sent.Revert);
                }

                hash = sent.Value!;
                _nextNonce++;
            }
            catch (RpcResponseException ex) when (ex.RpcError?.Code == SenderNotAllowlistedCode)
            {
                _nextNonce = null;
                return TransactionOutcome.Reverted(new ContractRevert("SenderNotAllowlisted", $"the node refused sender {Address}: it is not in the accounts allowlist (Besu -32007)", null));
            }
            catch
            {
                _nextNonce = null;
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }

        var receipt = await WaitForReceiptAsync(hash, cancellationToken);
        var block = (ulong)receipt.BlockNumber.Value;
        if (receipt.Status?.Value == 1)
        {
            return TransactionOutcome.Mined(hash, block, receipt.ContractAddress);
        }

        return TransactionOutcome.Reverted(await ExplainFailureAsync(input, receipt), hash, block);
    }

    private async Task<TransactionReceipt> WaitForReceiptAsync(string hash, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + _receiptTimeout;
        while (true)
        {
            var receipt = await RpcCall(() => _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash));
            if (receipt.Value is not null)
            {
                return receipt.Value;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new ChainUnavailableException($"transaction {hash} was not mined within {_receiptTimeout}");
            }

            await Task.Delay(ReceiptPoll, cancellationToken);
        }
    }

    // Besu (revert-reason-enabled) puts the revert data in the receipt; Anvil does not, so the call
    // is replayed to recover the reason: first against the state after its block (which holds the
    // transaction that beat it within the same block), then against the state before it.
    private async Task<ContractRevert> ExplainFailureAsync(TransactionInput input, TransactionReceipt receipt)
    {
        if (!string.IsNullOrEmpty(receipt.RevertReason))
        {
            return RevertDecoder.Decode(receipt.RevertReason);
        }

        foreach (var block in new[] { receipt.BlockNumber.Value, receipt.BlockNumber.Value - 1 })
        {
            var at = new BlockParameter(new HexBigInteger(block));
            var replay = await RpcCall(() => _web3.Eth.Transactions.Call.SendRequestAsync(ToCall(input), at));
            if (replay.Revert is not null)
            {
                return replay.Revert;
            }
        }

        return new ContractRevert("Reverted", "the transaction failed (status 0) and its replay did not reproduce the reason", null);
    }

    private static CallInput ToCall(TransactionInput input) => new()
    {
        From = input.From,
        To = input.To,
        Data = input.Data,
        Value = input.Value,
        GasPrice = input.GasPrice,
    };

    /// <summary>Runs one JSON-RPC call; a revert becomes a value, an unreachable node an exception.</summary>
    internal static async Task<RpcAnswer<T>> RpcCall<T>(Func<Task<T>> call)
    {
        try
        {
            return new RpcAnswer<T>(await call(), null);
        }
        catch (RpcResponseException ex) when (RevertData.TryRead(ex, out var data))
        {
            return new RpcAnswer<T>(default, RevertDecoder.Decode(data));
        }
        catch (Exception ex) when (ex is RpcClientUnknownException or RpcClientTimeoutException or HttpRequestException or TaskCanceledException)
        {
            throw new ChainUnavailableException($"chain node did not answer: {ex.Message}", ex);
        }
    }

    public void Dispose() => _gate.Dispose();
}

/// <summary>An RPC answer that is either a value or a contract revert.</summary>
internal readonly record struct RpcAnswer<T>(T? Value, ContractRevert? Revert);
