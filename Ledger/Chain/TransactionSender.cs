using System.Numerics;
using Nethereum.Hex.HexConvertors.Extensions;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// The sender of one chain account. Transactions are signed locally (Besu has no
/// eth_sendTransaction), legacy type with gas price 0 (free-gas chain; Nethereum's EIP-1559 fee
/// suggestion would ask for a 2 gwei tip), and bound to the chain id.
/// </summary>
/// <remarks>
/// Nonces come from the account's <see cref="ISendJournal"/>, which every sender of the account
/// shares (across service instances when the journal is the database), and the node: the next
/// nonce is the higher of the two, so a transaction another sender made, or one this process sent
/// just before it crashed, is never signed over. Every signed transaction is journaled with its
/// nonce before the next one is signed. The sender heals what nodes do to transactions: a node
/// that forgets one (a restart empties its pool, <c>anvil_dropTransaction</c>, pool eviction) has
/// it sent again exactly as signed, both while its receipt is awaited and when a later send finds
/// the node's nonce behind the journal's (a gap that would otherwise hold every later transaction
/// of the account back); a "nonce too low" or "replacement underpriced" answer means another
/// sender took that nonce, and the next one is tried.
/// </remarks>
public sealed class TransactionSender : IDisposable
{
    /// <summary>Besu's answer to a sender outside its local accounts allowlist.</summary>
    public const int SenderNotAllowlistedCode = -32007;

    private const int MaxNonceRetries = 5;
    private static readonly TimeSpan ReceiptPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(3);

    private readonly Web3 _web3;
    private readonly AccountSignerTransactionManager _signer;
    private readonly TimeSpan _receiptTimeout;
    private readonly ISendJournal _journal;
    private readonly TimeProvider _time;

    public TransactionSender(SigningKey key, long chainId, IClient rpc, TimeSpan receiptTimeout, ISendJournal? journal = null, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        var account = new Account(key.Expose(), chainId);
        account.TransactionManager.UseLegacyAsDefault = true;
        _signer = (AccountSignerTransactionManager)account.TransactionManager;
        _web3 = new Web3(account, rpc);
        Address = account.Address;
        _receiptTimeout = receiptTimeout;
        _journal = journal ?? new InMemorySendJournal();
        _time = time ?? TimeProvider.System;
    }

    public string Address { get; }

    /// <summary>Read-only access to the node this sender writes to.</summary>
    public IWeb3 Web3 => _web3;

    /// <summary>Whether the transaction would succeed now (gas estimation against the pending state): null if so, else the chain's reason.</summary>
    public async Task<ContractRevert?> EstimateAsync(TransactionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Prepare(input);
        return (await RpcCall(() => _web3.Eth.Transactions.EstimateGas.SendRequestAsync(ToCall(input)))).Revert;
    }

    /// <summary>
    /// Estimates, signs, sends and waits for the receipt of one transaction. A contract revert, a
    /// sender refused by the allowlist and a transaction replaced at its nonce are outcomes; an
    /// unreachable node, or no receipt within the timeout, is a <see cref="ChainUnavailableException"/>
    /// (the transaction stays journaled and is sent again by the next send if the node forgot it).
    /// </summary>
    public async Task<TransactionOutcome> SendAsync(TransactionInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Prepare(input);
        var estimate = await RpcCall(() => _web3.Eth.Transactions.EstimateGas.SendRequestAsync(ToCall(input)));
        if (estimate.Revert is not null)
        {
            return TransactionOutcome.Reverted(estimate.Revert);
        }

        // Estimation runs against the pending state; a margin covers state that moves before mining.
        input.Gas = new HexBigInteger((estimate.Value!.Value * 12 / 10) + 10_000);
        var sent = await SignAndSendAsync(input, cancellationToken);
        if (sent.Refusal is not null)
        {
            return TransactionOutcome.Reverted(sent.Refusal);
        }

        var receipt = await WaitForReceiptAsync(sent, cancellationToken);
        if (receipt is null)
        {
            return TransactionOutcome.Reverted(new ContractRevert(
                TransactionOutcome.ReplacedError, $"transaction {sent.Hash} was replaced: nonce {sent.Nonce} of {Address} was used by another transaction", null), sent.Hash);
        }

        var block = (ulong)receipt.BlockNumber.Value;
        if (receipt.Status?.Value == 1)
        {
            return TransactionOutcome.Mined(sent.Hash, block, receipt.ContractAddress);
        }

        return TransactionOutcome.Reverted(await ExplainFailureAsync(input, receipt), sent.Hash, block);
    }

    private void Prepare(TransactionInput input)
    {
        input.From = Address;
        input.GasPrice = new HexBigInteger(0);
        input.Value ??= new HexBigInteger(0);
    }

    private async Task<SentTransaction> SignAndSendAsync(TransactionInput input, CancellationToken cancellationToken)
    {
        await using var slot = await _journal.OpenAsync(Address, cancellationToken);
        var nonce = await NextNonceAsync(slot, cancellationToken);
        for (var attempt = 0; ; attempt++)
        {
            input.Nonce = new HexBigInteger(nonce);
            var signed = _signer.SignTransaction(input).EnsureHexPrefix();
            var hash = HashOf(signed);
            // Journaled first: if the node takes it and this process dies before it hears so, the
            // transaction is still known, and is neither signed over nor lost.
            await slot.RecordAsync(nonce, hash, signed, cancellationToken);
            var answer = await BroadcastAsync(signed);
            if (answer.Kind == Broadcast.Accepted)
            {
                return new SentTransaction(hash, nonce, signed, null);
            }

            await slot.ForgetAsync(nonce, cancellationToken);
            switch (answer.Kind)
            {
                case Broadcast.NotAllowlisted:
                    return new SentTransaction(hash, nonce, signed, new ContractRevert(
                        TransactionOutcome.SenderNotAllowlistedError, $"the node refused sender {Address}: it is not in the accounts allowlist (Besu -32007)", null));
                case Broadcast.NonceTaken when attempt < MaxNonceRetries:
                    nonce = BigInteger.Max(nonce + 1, await PendingNonceAsync());
                    continue;
                case Broadcast.NonceTaken:
                    throw new ChainUnavailableException($"the node kept refusing nonces for {Address} (last tried {nonce}): another sender is using the account");
                default:
                    return new SentTransaction(hash, nonce, signed, new ContractRevert(
                        TransactionOutcome.NodeRefusedError, $"the node refused the transaction of {Address}: {answer.Message}", null));
            }
        }
    }

    // The journal's next nonce and the node's pending nonce, whichever is higher. When the journal is
    // ahead, the node has lost transactions this account signed (a restart, an eviction, a drop):
    // they are sent again as signed, so the account's later transactions are not held behind a gap.
    // Where the node will not take them back, its own nonce wins: a transaction signed over one
    // that is still alive elsewhere is then reported replaced, never mined twice.
    private async Task<BigInteger> NextNonceAsync(ISendSlot slot, CancellationToken cancellationToken)
    {
        var pending = await PendingNonceAsync();
        if (slot.NextNonce is not { } journaled || journaled <= pending)
        {
            return slot.NextNonce is { } next ? BigInteger.Max(next, pending) : pending;
        }

        for (var nonce = pending; nonce < journaled; nonce++)
        {
            if (await slot.SignedTransactionAsync(nonce, cancellationToken) is { } signed)
            {
                await BroadcastAsync(signed);
            }
            else
            {
                // The journal no longer holds it: an empty transfer to itself fills the nonce.
                var filler = new TransactionInput { From = Address, To = Address, Value = new HexBigInteger(0), GasPrice = new HexBigInteger(0), Gas = new HexBigInteger(21_000), Nonce = new HexBigInteger(nonce) };
                var raw = _signer.SignTransaction(filler).EnsureHexPrefix();
                await slot.RecordAsync(nonce, HashOf(raw), raw, cancellationToken);
                await BroadcastAsync(raw);
            }
        }

        return await PendingNonceAsync();
    }

    private async Task<(Broadcast Kind, string? Message)> BroadcastAsync(string signed)
    {
        try
        {
            await RpcCall(() => _web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(signed));
            return (Broadcast.Accepted, null);
        }
        catch (RpcResponseException ex) when (ex.RpcError?.Code == SenderNotAllowlistedCode)
        {
            return (Broadcast.NotAllowlisted, ex.RpcError.Message);
        }
        catch (RpcResponseException ex) when (NodeErrors.IsAlreadyKnown(ex))
        {
            return (Broadcast.Accepted, null);
        }
        catch (RpcResponseException ex) when (NodeErrors.IsNonceTaken(ex))
        {
            return (Broadcast.NonceTaken, ex.RpcError?.Message);
        }
        catch (RpcResponseException ex)
        {
            return (Broadcast.Refused, ex.RpcError?.Message ?? ex.Message);
        }
    }

    // Null when the transaction's nonce was consumed by another transaction: it can never be mined.
    private async Task<TransactionReceipt?> WaitForReceiptAsync(SentTransaction sent, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _receiptTimeout;
        var nextCheck = _time.GetUtcNow() + ResendAfter;
        while (true)
        {
            var receipt = await RpcCall(() => _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(sent.Hash));
            if (receipt.Value is not null)
            {
                return receipt.Value;
            }

            var now = _time.GetUtcNow();
            if (now > deadline)
            {
                throw new ChainUnavailableException($"transaction {sent.Hash} was not mined within {_receiptTimeout}");
            }

            if (now >= nextCheck)
            {
                nextCheck = now + ResendAfter;
                if (!await IsKnownAsync(sent.Hash))
                {
                    if (await MinedNonceAsync() > sent.Nonce)
                    {
                        // The nonce is used and this hash has no receipt: another transaction took it.
                        return (await RpcCall(() => _web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(sent.Hash))).Value;
                    }

                    await BroadcastAsync(sent.Signed);
                }
            }

            await Task.Delay(ReceiptPoll, _time, cancellationToken);
        }
    }

    private async Task<bool> IsKnownAsync(string hash) =>
        (await RpcCall(() => _web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash))).Value is not null;

    private async Task<BigInteger> PendingNonceAsync() =>
        (await RpcCall(() => _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Address, BlockParameter.CreatePending()))).Value!.Value;

    private async Task<BigInteger> MinedNonceAsync() =>
        (await RpcCall(() => _web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Address, BlockParameter.CreateLatest()))).Value!.Value;

    private static string HashOf(string signed) => "0x" + Sha3Keccack.Current.CalculateHashFromHex(signed);

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

    public void Dispose()
    {
        // Nothing to release: the journal outlives its senders.
    }

    private enum Broadcast
    {
        Accepted,
        NotAllowlisted,
        NonceTaken,
        Refused,
    }

    private sealed record SentTransaction(string Hash, BigInteger Nonce, string Signed, ContractRevert? Refusal);
}

/// <summary>An RPC answer that is either a value or a contract revert.</summary>
internal readonly record struct RpcAnswer<T>(T? Value, ContractRevert? Revert);
