using Nethereum.Contracts;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Contracts;

/// <summary>Reads certificates' status histories from CertificateStatusRegistry and, with a department's sender, records batches of changes.</summary>
public sealed class CertificateStatusClient(IWeb3 web3, string registryAddress)
{
    public string Address => registryAddress;

    public async Task<LifecycleHistory> GetHistoryAsync(byte[] key)
    {
        var answer = (await TransactionSender.RpcCall(() => web3.Eth.GetContractQueryHandler<StatusHistoryFunction>()
            .QueryDeserializingToObjectAsync<StatusHistoryOutput>(new StatusHistoryFunction { Key = key }, registryAddress))).Value!;
        var issuer = answer.Issuer is null || answer.Issuer == "0x0000000000000000000000000000000000000000" ? null : answer.Issuer;
        return new LifecycleHistory(issuer, answer.Changes.Select(c => new LifecycleChange(
            (CertificateLifecycle)c.Status, c.Reason, DateTimeOffset.FromUnixTimeSeconds((long)c.EffectiveAt), c.BlockNumber, DateTimeOffset.FromUnixTimeSeconds((long)c.Timestamp))).ToList());
    }

    /// <summary>Records the changes in one transaction; the contract enforces issuer and transitions and refuses them all if one is wrong.</summary>
    public Task<TransactionOutcome> RecordAsync(TransactionSender department, IReadOnlyList<LifecycleChangeRequest> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(department);
        ArgumentNullException.ThrowIfNull(changes);
        var message = new RecordStatusChangesFunction
        {
            Keys = changes.Select(c => c.Key).ToList(),
            Statuses = changes.Select(c => (byte)c.Status).ToList(),
            Reasons = changes.Select(c => c.Reason).ToList(),
            EffectiveAts = changes.Select(c => (ulong)c.EffectiveAt.ToUnixTimeSeconds()).ToList(),
        };
        return department.SendAsync(message.CreateTransactionInput(registryAddress), cancellationToken);
    }
}
