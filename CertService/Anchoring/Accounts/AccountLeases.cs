using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Storage;

namespace TrustLedger.CertService.Anchoring.Accounts;

/// <summary>
/// Which chain accounts this instance runs the anchoring pipeline for. Instances sharing a database
/// hold leases in it (<c>account_leases</c>): one holder per account, with an expiry on the
/// database's clock and a token that grows at every change of holder. A holder renews every third
/// of <see cref="AnchoringOptions.LeasePeriod"/>; an instance that dies stops renewing, and a
/// survivor takes its accounts within one period. Each instance also keeps a lease on its own
/// name, so all can count the live instances and share the accounts out: an instance takes free
/// accounts only up to its share and lets go of what it holds beyond it.
/// </summary>
/// <remarks>
/// A lease is taken as held only until the period has passed since the renewal request left this
/// process, so a paused instance stops working before anyone else can take its accounts over. The
/// chain cannot be fenced (a paused instance's transaction may still arrive), and needs no fence:
/// an anchor or a status change sent twice is recorded once (CertificateAnchor refuses a root its
/// issuer has anchored; CertificateStatusRegistry records a change id once).
/// </remarks>
public sealed class AccountLeases(IServiceScopeFactory scopes, IOptions<AnchoringOptions> options, TimeProvider time)
{
    /// <summary>The lease of the governance account (sharing and data trails, reconciliation of governance's writes).</summary>
    public const string Governance = "governance";

    private const string InstancePrefix = "instance:";

    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>This instance's name in the lease table: host, process and a random part.</summary>
    public string InstanceId { get; } = NewInstanceId();

    /// <summary>True while this instance holds the account's lease (with time to spare).</summary>
    public bool Holds(string account) =>
        _held.TryGetValue(account, out var held) && Stopwatch.GetElapsedTime(held.RequestedAt) < options.Value.LeasePeriod * 0.9;

    /// <summary>The accounts this instance holds now.</summary>
    public IReadOnlyList<string> HeldAccounts =>
        _held.Keys.Where(a => !a.StartsWith(InstancePrefix, StringComparison.Ordinal) && Holds(a)).Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Renews what this instance holds and takes free accounts up to its share of <paramref name="accounts"/>;
    /// returns how many it holds afterwards.
    /// </summary>
    public async Task<int> RenewAsync(IReadOnlyCollection<string> accounts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        var period = (long)options.Value.LeasePeriod.TotalMilliseconds;

        await TryHoldAsync(store, InstancePrefix + InstanceId, period, cancellationToken);
        var instances = await LiveInstancesAsync(store, cancellationToken);
        var share = (int)Math.Ceiling(accounts.Count / (double)Math.Max(1, instances));

        // Held ones first: an instance keeps what it has, up to its share, before it takes more.
        var held = 0;
        foreach (var account in accounts.OrderBy(a => _held.ContainsKey(a) ? 0 : 1).ThenBy(a => a, StringComparer.Ordinal))
        {
            if (held >= share)
            {
                if (_held.ContainsKey(account))
                {
                    await ReleaseAsync(store, account, cancellationToken);
                }

                continue;
            }

            if (await TryHoldAsync(store, account, period, cancellationToken))
            {
                held++;
            }
        }

        foreach (var gone in _held.Keys.Where(a => !a.StartsWith(InstancePrefix, StringComparison.Ordinal) && !accounts.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList())
        {
            _held.TryRemove(gone, out _);
        }

        return held;
    }

    /// <summary>Lets every lease go at once (a clean shutdown), so the survivors need not wait out the period.</summary>
    public async Task ReleaseAllAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<CertificateStore>();
        foreach (var account in _held.Keys.ToList())
        {
            await ReleaseAsync(store, account, cancellationToken);
        }
    }

    private async Task<bool> TryHoldAsync(CertificateStore store, string account, long periodMs, CancellationToken cancellationToken)
    {
        var requestedAt = Stopwatch.GetTimestamp();
        var now = Now(store);
        var sql = """
            INSERT INTO account_leases ("Account", "Holder", "Token", "ExpiresAtMs") VALUES ({0}, {1}, 1, @now + {2})
            ON CONFLICT ("Account") DO UPDATE SET
                "Holder" = excluded."Holder",
                "Token" = CASE WHEN account_leases."Holder" = excluded."Holder" THEN account_leases."Token" ELSE account_leases."Token" + 1 END,
                "ExpiresAtMs" = excluded."ExpiresAtMs"
            WHERE account_leases."Holder" = excluded."Holder" OR account_leases."ExpiresAtMs" < @now
            RETURNING "Token" AS "Value"
            """.Replace("@now", now, StringComparison.Ordinal);
        var token = await store.Database.SqlQueryRaw<long>(sql, account, InstanceId, periodMs).ToListAsync(cancellationToken);
        if (token.Count == 1)
        {
            _held[account] = new Held(token[0], requestedAt);
            return true;
        }

        _held.TryRemove(account, out _);
        return false;
    }

    private async Task ReleaseAsync(CertificateStore store, string account, CancellationToken cancellationToken)
    {
        _held.TryRemove(account, out _);
        await store.Database.ExecuteSqlRawAsync(
            """UPDATE account_leases SET "ExpiresAtMs" = 0 WHERE "Account" = {0} AND "Holder" = {1}""", [account, InstanceId], cancellationToken);
    }

    private async Task<int> LiveInstancesAsync(CertificateStore store, CancellationToken cancellationToken)
    {
        var sql = """SELECT CAST(COUNT(*) AS integer) AS "Value" FROM account_leases WHERE "Account" LIKE 'instance:%' AND "ExpiresAtMs" >= @now""".Replace("@now", Now(store), StringComparison.Ordinal);
        var counts = await store.Database.SqlQueryRaw<int>(sql).ToListAsync(cancellationToken);
        return counts.Single();
    }

    // The database's clock, so instances whose clocks disagree still agree on expiry. SQLite serves
    // one instance only, whose clock is then the only one.
    private string Now(CertificateStore store) => store is PostgresCertificateStore
        ? "CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS bigint)"
        : time.GetUtcNow().ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string NewInstanceId()
    {
        var id = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
        return id.Length <= 100 - InstancePrefix.Length ? id : id[^(100 - InstancePrefix.Length)..];
    }

    private sealed record Held(long Token, long RequestedAt);
}
