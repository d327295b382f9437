using Nethereum.Contracts;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Ledger.Contracts;

/// <summary>
/// Deploys IssuerRegistry, CertificateAnchor, SealRegistry, AuditTrail, CertificateStatusRegistry and DataRegistry once per chain. An existing record is
/// reused when its chain id and genesis hash match the node and code is present at every address; otherwise
/// (a fresh devnet) the contracts are deployed again and the record rewritten.
/// </summary>
public sealed class ContractDeployer(TransactionSender governanceAdmin, ChainReader chain)
{
    public async Task<(DeploymentRecord Record, bool Reused)> EnsureDeployedAsync(string recordPath, CancellationToken cancellationToken = default)
    {
        var chainId = await chain.GetChainIdAsync();
        var genesis = await chain.GetGenesisHashAsync();
        var existing = DeploymentRecord.TryLoad(recordPath);
        if (existing is not null
            && existing.ChainId == chainId
            && string.Equals(existing.GenesisHash, genesis, StringComparison.OrdinalIgnoreCase)
            && await chain.HasCodeAsync(existing.IssuerRegistry)
            && await chain.HasCodeAsync(existing.CertificateAnchor)
            && existing.SealRegistry is not null
            && await chain.HasCodeAsync(existing.SealRegistry)
            && existing.AuditTrail is not null
            && await chain.HasCodeAsync(existing.AuditTrail)
            && existing.CertificateStatus is not null
            && await chain.HasCodeAsync(existing.CertificateStatus)
            && existing.DataRegistry is not null
            && await chain.HasCodeAsync(existing.DataRegistry))
        {
            return (existing, true);
        }

        var registry = await DeployAsync(new IssuerRegistryDeployment { GovernanceAdmin = governanceAdmin.Address }, cancellationToken);
        var anchor = await DeployAsync(new CertificateAnchorDeployment { Registry = registry.ContractAddress! }, cancellationToken);
        var seals = await DeployAsync(new SealRegistryDeployment { GovernanceAdmin = governanceAdmin.Address }, cancellationToken);
        var trail = await DeployAsync(new AuditTrailDeployment { GovernanceAdmin = governanceAdmin.Address }, cancellationToken);
        var status = await DeployAsync(new CertificateStatusRegistryDeployment { IssuerRegistry = registry.ContractAddress! }, cancellationToken);
        var data = await DeployAsync(new DataRegistryDeployment { IssuerRegistry = registry.ContractAddress! }, cancellationToken);
        var record = new DeploymentRecord(
            chainId, genesis, registry.ContractAddress!, anchor.ContractAddress!, seals.ContractAddress!, registry.BlockNumber!.Value, governanceAdmin.Address,
            trail.ContractAddress!, status.ContractAddress!, data.ContractAddress!);
        record.Save(recordPath);
        return (record, false);
    }

    private async Task<TransactionOutcome> DeployAsync<T>(T deployment, CancellationToken cancellationToken)
        where T : ContractDeploymentMessage, new()
    {
        var outcome = await governanceAdmin.SendAsync(deployment.CreateTransactionInput(), cancellationToken);
        if (!outcome.Succeeded || outcome.ContractAddress is null)
        {
            throw new InvalidOperationException($"deploying {typeof(T).Name} failed: {outcome.Revert?.Description}");
        }

        return outcome;
    }
}
