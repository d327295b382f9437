using System.Collections.Concurrent;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// Whether a department is active in IssuerRegistry, for refusing its requests once governance has
/// suspended or dissolved it (its API keys and tokens may still work: a suspension is often the
/// answer to a stolen key). Asked of the chain each time; while the chain cannot be read, the last
/// answer stands, and with none the request is let through, so a revocation can still be accepted
/// during a chain outage.
/// </summary>
public sealed class DepartmentActivity(IssuerRegistryClient registry)
{
    private readonly ConcurrentDictionary<string, bool> _lastKnown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False when the department is inactive on chain (or was, when last asked before an outage).</summary>
    public async Task<bool> MayActAsync(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        try
        {
            var active = (await registry.GetDepartmentAsync(account)).Active;
            _lastKnown[account] = active;
            return active;
        }
        catch (ChainUnavailableException)
        {
            return !_lastKnown.TryGetValue(account, out var active) || active;
        }
    }
}
