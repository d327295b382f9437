using System.Collections.Concurrent;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// Whether a department is active in IssuerRegistry, for refusing its requests once governance has
/// suspended or dissolved it (its API keys and tokens may still work: a suspension is often the
/// answer to a stolen key). Asked of the chain each time, for at most <see cref="LookupTimeout"/>;
/// while the chain cannot be read (or does not answer in time), the last answer stands, and with
/// none the request is let through, so a revocation is still accepted at once during a chain outage.
/// </summary>
public sealed class DepartmentActivity(IssuerRegistryClient registry)
{
    /// <summary>How long a request waits for the chain's answer before it goes by the last one.</summary>
    public static readonly TimeSpan LookupTimeout = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, bool> _lastKnown = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>False when the department is inactive on chain (or was, when last asked before an outage).</summary>
    public async Task<bool> MayActAsync(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var lookup = registry.GetDepartmentAsync(account);
        try
        {
            var active = (await lookup.WaitAsync(LookupTimeout)).Active;
            _lastKnown[account] = active;
            return active;
        }
        catch (Exception ex) when (ex is ChainUnavailableException or TimeoutException)
        {
            // A lookup left behind still ends (Nethereum's own timeout); its failure is observed here.
            _ = lookup.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            return !_lastKnown.TryGetValue(account, out var active) || active;
        }
    }
}
