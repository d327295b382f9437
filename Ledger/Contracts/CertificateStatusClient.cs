using Nethereum.Contracts;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Contracts;

/// <summary>
/// Reads certificates' status histories from CertificateStatusRegistry (kept per issuing account:
/// a history is read under the account that anchored the certificate) and, with a department's
/// sender, records batches of changes under that department's account.
/// </summary>
public sealed class CertificateStatusClient(IWeb3 web3, string registryAddress)
{
    public string Address => registryAddress;

    /// <summary>The changes <paramref name="issuer"/> recorded for the key; its Issuer is null when there are none.</summary>
    public async Task<LifecycleHistory> GetHistoryAsync(string issuer, byte[] key)
    {
        var answer = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<StatusHistoryFunction>()
            .QueryDeserializingToObjectAsync<StatusHistoryOutput>(new StatusHistoryFunction { Issuer = issuer, Key = key }, registryAddress))).Value!;
        return new LifecycleHistory(answer.Changes.Count == 0 ? null : issuer, answer.Changes.Select(c => new LifecycleChange(
            (CertificateLifecycle)c.Status,
            c.Reason,
            DateTimeOffset.FromUnixTimeSeconds((long)c.EffectiveAt),
            c.BlockNumber,
            DateTimeOffset.FromUnixTimeSeconds((long)c.Timestamp),
            DateTimeOffset.FromUnixTimeSeconds((long)c.RequestedEffectiveAt),
            c.ChangeId)).ToList());
    }

    /// <summary>The changes a mined transaction recorded (its StatusChanged events); a change it skipped as already recorded is not among them.</summary>
    public async Task<IReadOnlyList<RecordedStatusChange>> RecordedByAsync(string transactionHash)
    {
        var receipt = (await TransactionSender.RpcCall(() => web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(transactionHash))).Value
            ?? throw new ChainUnavailableException($"no receipt for {transactionHash}");
        return receipt.DecodeAllEvents<StatusChangedEvent>()
            .Where(e => string.Equals(e.Log.Address, registryAddress, StringComparison.OrdinalIgnoreCase))
            .Select(e => new RecordedStatusChange(e.Event.ChangeId, DateTimeOffset.FromUnixTimeSeconds((long)e.Event.EffectiveAt), (ulong)receipt.BlockNumber.Value, transactionHash))
            .ToList();
    }

    /// <summary>Where the issuer recorded a change with this id under the key (its block from the history, its transaction from that block's events), or null if it never did.</summary>
    public async Task<RecordedStatusChange?> FindRecordedAsync(string issuer, byte[] key, byte[] changeId)
    {
        if ((await GetHistoryAsync(issuer, key)).Find(changeId) is not { } change)
        {
            return null;
        }

        // The transaction from the block's events; a node that lost them still has the history (the transaction is then unknown).
        var logs = await new ChunkedLogReader(web3).ReadAsync<StatusChangedEvent>(registryAddress, change.BlockNumber, change.BlockNumber);
        var log = logs.FirstOrDefault(l => l.Event.ChangeId.AsSpan().SequenceEqual(changeId) && string.Equals(l.Event.Issuer, issuer, StringComparison.OrdinalIgnoreCase));
        return new RecordedStatusChange(changeId, change.EffectiveAt, change.BlockNumber, log?.Log.TransactionHash);
    }

    /// <summary>True once the issuer recorded a change with this id (whatever key it was for).</summary>
    public async Task<bool> IsRecordedAsync(string issuer, byte[] changeId) =>
        (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<IsStatusChangeRecordedFunction>()
            .QueryAsync<bool>(registryAddress, new IsStatusChangeRecordedFunction { Issuer = issuer, ChangeId = changeId }))).Value;

    /// <summary>
    /// Records the changes in one transaction; the contract enforces issuer and transitions and
    /// refuses them all if one is wrong, and skips a change whose id it already holds.
    /// </summary>
    public Task<TransactionOutcome> RecordAsync(TransactionSender department, IReadOnlyList<LifecycleChangeRequest> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        return department.SendAsync(RecordInput(changes), cancellationToken);
    }

    /// <summary>The governance registrar records changes under a registered department's account (one suspended or dissolved included).</summary>
    public Task<TransactionOutcome> RecordForAsync(TransactionSender registrar, string issuer, IReadOnlyList<LifecycleChangeRequest> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(changes);
        var message = new RecordStatusChangesForFunction { Issuer = issuer, Requests = Structs(changes) };
        return registrar.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }

    /// <summary>Whether the chain would accept these changes now, without sending them: null if so, else its reason.</summary>
    public Task<ContractRevert?> TryRecordAsync(TransactionSender department, IReadOnlyList<LifecycleChangeRequest> changes)
    {
        ArgumentNullException.ThrowIfNull(department);
        return department.EstimateAsync(RecordInput(changes));
    }

    /// <summary>Whether the chain would accept these changes from the registrar now: null if so, else its reason.</summary>
    public Task<ContractRevert?> TryRecordForAsync(TransactionSender registrar, string issuer, IReadOnlyList<LifecycleChangeRequest> changes)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        ArgumentNullException.ThrowIfNull(changes);
        return registrar.EstimateAsync(new RecordStatusChangesForFunction { Issuer = issuer, Requests = Structs(changes) }.CreateTransactionInput(registryAddress));
    }

    private Nethereum.RPC.Eth.DTOs.TransactionInput RecordInput(IReadOnlyList<LifecycleChangeRequest> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        return new RecordStatusChangesFunction { Requests = Structs(changes) }.CreateTransactionInput(registryAddress);
    }

    private static List<StatusChangeRequestStruct> Structs(IReadOnlyList<LifecycleChangeRequest> changes) =>
        changes.Select(c => new StatusChangeRequestStruct
        {
            ChangeId = c.ChangeId,
            Key = c.Key,
            Status = (byte)c.Status,
            Reason = c.Reason,
            EffectiveAt = (ulong)c.EffectiveAt.ToUnixTimeSeconds(),
        }).ToList();
}
