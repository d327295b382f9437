using System.Collections.Concurrent;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.CertService.Issuance;

/// <summary>
/// Whether a department holds a certificate type, as IssuerRegistry says, for the issuing request's
/// early refusal. A "yes" is remembered for <see cref="HeldFor"/> (a "no" never is, so a new grant
/// works at once). That is safe because the request's answer is only a courtesy: CertificateAnchor
/// checks the grant again when the batch is anchored, so a certificate accepted in the moments
/// after a revocation made elsewhere is refused on chain, never anchored. Grants changed through
/// this service's admin API are forgotten at once.
/// </summary>
public sealed class TypeGrants(IssuerRegistryClient registry, TimeProvider time)
{
    public static readonly TimeSpan HeldFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Account, string Type), DateTimeOffset> _held = new();

    public async Task<bool> HoldsAsync(string account, string typeCode)
    {
        var key = (account.ToUpperInvariant(), typeCode);
        if (_held.TryGetValue(key, out var until) && until > time.GetUtcNow())
        {
            return true;
        }

        var holds = await registry.IsAuthorisedAsync(account, typeCode);
        if (holds)
        {
            _held[key] = time.GetUtcNow() + HeldFor;
        }
        else
        {
            _held.TryRemove(key, out _);
        }

        return holds;
    }

    /// <summary>Forgets what is known of an account's grants, after one of them changed.</summary>
    public void Forget(string account)
    {
        foreach (var key in _held.Keys.Where(k => string.Equals(k.Account, account, StringComparison.OrdinalIgnoreCase)))
        {
            _held.TryRemove(key, out _);
        }
    }
}
