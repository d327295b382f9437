using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Tests.Testing;

/// <summary>Registers a department (and allowlists it where the node permissions accounts) and grants it types, doing only what the registry does not already hold.</summary>
public sealed class DevnetSeeder(IssuerRegistryAdmin admin, IssuerRegistryClient registry, AccountsAllowlist? allowlist = null)
{
    public async Task EnsureDepartmentAsync(string account, string creditCode, string name, IEnumerable<string> typeCodes, CancellationToken cancellationToken = default)
    {
        var existing = await registry.GetDepartmentAsync(account);
        if (existing.RegisteredAtBlock == 0)
        {
            Require(await admin.RegisterDepartmentAsync(account, creditCode, name, cancellationToken), $"register {creditCode}");
        }

        if (allowlist is not null)
        {
            await allowlist.AddAsync(account);
        }

        foreach (var typeCode in typeCodes)
        {
            if (!await registry.IsAuthorisedAsync(account, typeCode))
            {
                Require(await admin.GrantTypeAsync(account, typeCode, cancellationToken), $"grant {typeCode} to {creditCode}");
            }
        }
    }

    private static void Require(TransactionOutcome outcome, string what)
    {
        if (!outcome.Succeeded)
        {
            throw new InvalidOperationException($"{what} failed: {outcome.Revert!.Description}");
        }
    }
}
