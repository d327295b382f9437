using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Departments;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Anchoring.Accounts;

/// <summary>The onboarded departments whose chain accounts this instance holds the lease of: the ones its pipeline serves.</summary>
public sealed class LeasedDepartments(CertificateStore store, AccountLeases leases)
{
    public async Task<IReadOnlyList<Department>> HeldAsync(CancellationToken cancellationToken)
    {
        var held = leases.HeldAccounts;
        if (held.Count == 0)
        {
            return [];
        }

        var departments = await store.Departments.AsNoTracking().ToListAsync(cancellationToken);
        return departments.Where(d => leases.Holds(d.Account)).Select(d => new Department(d.CreditCode, d.Name, d.Account)).ToList();
    }

    /// <summary>True while this instance serves governance's account (the trails, governance's own writes).</summary>
    public bool HoldsGovernance => leases.Holds(AccountLeases.Governance);
}
