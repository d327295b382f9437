using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Anchoring.Accounts;

/// <summary>The first step: renew this instance's leases on chain accounts and take up its share of the free ones.</summary>
public sealed class LeaseStep(CertificateStore store, AccountLeases leases) : IPipelineStep
{
    public string Name => PipelineSteps.Leases;

    public async Task<StepPass> RunAsync(CancellationToken cancellationToken)
    {
        var accounts = await store.Departments.AsNoTracking().Select(d => d.Account).ToListAsync(cancellationToken);
        accounts.Add(AccountLeases.Governance);
        await leases.RenewAsync(accounts, cancellationToken);
        return StepPass.Idle;
    }
}
