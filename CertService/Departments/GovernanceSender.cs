using Microsoft.Extensions.Options;
using Nethereum.JsonRpc.Client;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// The governance administrator's registry writes (the city's big-data bureau), signed with the key
/// stored under <see cref="KeyId"/> in the keystore.
/// </summary>
public sealed class GovernanceSender(IKeyStore keys, IClient rpc, DeploymentRecord deployment, ISendJournal journal, TimeProvider time, IOptions<ChainOptions> options) : IDisposable
{
    public const string KeyId = "governance";
    private readonly SemaphoreSlim _create = new(1, 1);
    private TransactionSender? _sender;

    public async Task<IssuerRegistryAdmin> RegistryAsync(CancellationToken cancellationToken) =>
        new(await SenderAsync(cancellationToken), deployment.IssuerRegistry);

    /// <summary>The governance account's sender, for writes to the other registries (seals).</summary>
    public async Task<TransactionSender> SenderAsync(CancellationToken cancellationToken)
    {
        if (_sender is null)
        {
            await _create.WaitAsync(cancellationToken);
            try
            {
                var key = await keys.FindAsync(KeyId, cancellationToken)
                    ?? throw new InvalidOperationException($"no governance key '{KeyId}' in the keystore");
                _sender ??= new TransactionSender(key, deployment.ChainId, rpc, options.Value.ReceiptTimeout, journal, time);
            }
            finally
            {
                _create.Release();
            }
        }

        return _sender!;
    }

    public void Dispose()
    {
        _sender?.Dispose();
        _create.Dispose();
    }
}
