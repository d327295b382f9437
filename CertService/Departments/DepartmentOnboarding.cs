using Microsoft.EntityFrameworkCore;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// Brings a department on board in four steps, each skipped or harmless when already done, so a retry
/// after a crash at any point finishes the job: (1) a chain key in the shared keystore (generated,
/// never shown), (2) registration in IssuerRegistry, (3) its account in Besu's accounts allowlist
/// (<see cref="AccountsAllowlist"/>), (4) the department record.
/// </summary>
public sealed class DepartmentOnboarding(CertificateStore store, IKeyStore keys, KeyEncryptionKeys keks, GovernanceSender governance, IssuerRegistryClient registry, AccountsAllowlist allowlist, TimeProvider time)
{
    public async Task<OnboardingOutcome> OnboardAsync(string creditCode, string name, string actor, CancellationToken cancellationToken)
    {
        // First writer wins: two instances onboarding the same department at once end up with one key.
        var key = await keys.FindAsync(creditCode, cancellationToken) ?? await keys.AddAsync(creditCode, SigningKey.Generate(), cancellationToken);
        // Its key-encryption key too, now rather than inside its first issuance's transaction.
        await keks.EnsureAsync(creditCode, cancellationToken);

        var onChain = await registry.GetDepartmentAsync(key.Address);
        if (onChain.RegisteredAtBlock == 0)
        {
            var admin = await governance.RegistryAsync(cancellationToken);
            var outcome = await admin.RegisterDepartmentAsync(key.Address, creditCode, name, cancellationToken);
            if (!outcome.Succeeded)
            {
                return new OnboardingOutcome(null, outcome.Revert!);
            }
        }
        else if (onChain.CreditCode != creditCode)
        {
            return new OnboardingOutcome(null, new ContractRevert("CreditCodeMismatch", $"account {key.Address} is registered for {onChain.CreditCode}", null));
        }

        // Registered but not allowed to send would leave it unable to anchor on a permissioned Besu network.
        await allowlist.AddAsync(key.Address);

        var record = await store.Departments.SingleOrDefaultAsync(d => d.CreditCode == creditCode, cancellationToken);
        if (record is null)
        {
            record = new DepartmentRecord { CreditCode = creditCode, Name = name, Account = key.Address, CreatedAt = time.GetUtcNow(), CreatedBy = actor };
            store.Departments.Add(record);
            await store.SaveChangesAsync(cancellationToken);
        }

        return new OnboardingOutcome(new Department(record.CreditCode, record.Name, record.Account), null);
    }
}

/// <summary>The onboarded department, or the chain's reason for refusing it.</summary>
public sealed record OnboardingOutcome(Department? Department, ContractRevert? Refusal);
