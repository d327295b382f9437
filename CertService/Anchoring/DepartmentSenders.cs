using System.Collections.Concurrent;
using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using TrustLedger.CertService.Departments;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Anchoring;

/// <summary>
/// One transaction sender per department account, for the life of the service; every sender of the
/// account, in this instance or another over the same database, shares its send journal (nonces,
/// signed transactions).
/// </summary>
public sealed class DepartmentSenders(IClient rpc, ChainReader chain, DeploymentRecord deployment, IKeyStore keys, ISendJournal journal, TimeProvider time, IOptions<ChainOptions> options) : IDisposable
{
    private readonly ConcurrentDictionary<string, TransactionSender> _senders = new(StringComparer.Ordinal);

    public async Task<TransactionSender> ForAsync(Department department)
    {
        ArgumentNullException.ThrowIfNull(department);
        if (_senders.TryGetValue(department.CreditCode, out var sender))
        {
            return sender;
        }

        var chainId = await chain.GetChainIdAsync();
        if (chainId != deployment.ChainId)
        {
            throw new InvalidOperationException($"the node is chain {chainId} but the deployment record is for chain {deployment.ChainId}");
        }

        var key = await keys.FindAsync(department.CreditCode)
            ?? throw new InvalidOperationException($"no chain key for department {department.CreditCode} in the keystore");
        var created = new TransactionSender(key, chainId, rpc, options.Value.ReceiptTimeout, journal, time);
        var winner = _senders.GetOrAdd(department.CreditCode, created);
        if (!ReferenceEquals(winner, created))
        {
            created.Dispose();
        }

        return winner;
    }

    public void Dispose()
    {
        foreach (var sender in _senders.Values)
        {
            sender.Dispose();
        }
    }
}
