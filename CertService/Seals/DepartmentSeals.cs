using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Crypto;

namespace TrustLedger.CertService.Seals;

/// <summary>A seal ready to sign: its code, its key (from the keystore), its certificate and its picture, if it has one.</summary>
public sealed record ActiveSeal(string Code, SealKeyPair Key, Org.BouncyCastle.X509.X509Certificate Certificate, byte[]? Picture = null);

/// <summary>
/// What signs a department's documents now: its active seal; nothing, because it has no seal at all
/// (documents are then issued unsealed, and say so); or nothing for now, because its seals are
/// suspended, outside their validity or unreadable: then nothing may be sealed, and the documents
/// wait rather than go out unsealed for ever.
/// </summary>
public sealed record SealChoice(ActiveSeal? Seal, string? WaitReason)
{
    public static readonly SealChoice NoSeal = new(null, null);

    /// <summary>True when the department has seals but none can sign now.</summary>
    public bool MustWait => WaitReason is not null;
}

/// <summary>Finds the seal a department's documents are signed with: its newest seal that the chain says is active.</summary>
public sealed class DepartmentSeals(SealKeys keys, SealRegistryClient registry, IServiceScopeFactory scopes, IOptions<SealOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (Lazy<Task<SealChoice>> Seal, DateTimeOffset Until)> _recent = new(StringComparer.Ordinal);

    /// <summary>
    /// The active seal as found at most <see cref="SealOptions.ActiveSealCacheTtl"/> ago: issuance
    /// signs every data-only certificate, and finding the seal costs a query, a chain call and a
    /// keystore decryption (scrypt), so one lookup serves every request of the window, however
    /// many arrive at once. Changes through the seal API take effect at once (<see cref="Forget"/>);
    /// a change made on chain by another instance within the window still fails closed, since the
    /// Verifier judges the seal's status at the anchoring block.
    /// </summary>
    public async Task<SealChoice> RecentChoiceAsync(string departmentCode, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Lazy: AddOrUpdate may call a factory more than once under contention, but only the stored entry's lookup runs.
        (Lazy<Task<SealChoice>>, DateTimeOffset) Fresh() => (new(() => LookUpAsync(departmentCode)), now + options.Value.ActiveSealCacheTtl);
        var entry = _recent.AddOrUpdate(departmentCode, _ => Fresh(),
            (_, known) => known.Until > now && !(known.Seal.IsValueCreated && known.Seal.Value.IsFaulted) ? known : Fresh());
        return await entry.Seal.Value.WaitAsync(cancellationToken);
    }

    // In a scope of its own: the lookup is shared by every request waiting for it, and outlives any one of them.
    private async Task<SealChoice> LookUpAsync(string departmentCode)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await ChooseAsync(scope.ServiceProvider.GetRequiredService<CertificateStore>(), departmentCode, CancellationToken.None);
    }

    /// <summary>Drops what is known of a department's active seal, after one of its seals changed.</summary>
    public void Forget(string departmentCode) => _recent.TryRemove(departmentCode, out _);

    public async Task<ActiveSeal?> ActiveSealAsync(CertificateStore store, string departmentCode, CancellationToken cancellationToken) =>
        (await ChooseAsync(store, departmentCode, cancellationToken)).Seal;

    /// <summary>
    /// The department's newest registered seal that the chain says is active, inside its validity,
    /// with a readable key; no seal when it has none at all; a reason to wait when it has seals but
    /// none can sign now, or its first seal is still being registered.
    /// </summary>
    public async Task<SealChoice> ChooseAsync(CertificateStore store, string departmentCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var all = await store.Seals.AsNoTracking()
            .Where(s => s.DepartmentCode == departmentCode && (s.State == ChainWriteStates.Published || s.State == ChainWriteStates.Prepared))
            .ToListAsync(cancellationToken);
        var seals = all.Where(s => s.State == ChainWriteStates.Published).ToList();
        if (all.Count == 0)
        {
            return SealChoice.NoSeal;
        }

        if (seals.Count == 0)
        {
            // Its first seal is being registered (or its registration was cut off and awaits reconciliation):
            // the department has a seal, so nothing of it goes out unsealed in the meantime.
            return new SealChoice(null, $"department {departmentCode}'s seal is still being registered on chain");
        }

        var now = time.GetUtcNow();
        foreach (var seal in seals.OrderByDescending(s => s.CreatedAt))
        {
            if (now < seal.ValidFrom || now > seal.ValidUntil || (await registry.GetAsync(seal.Code))?.Status != SealStatus.Active)
            {
                continue;
            }

            if (await keys.FindAsync(seal.Code, seal.Suite, cancellationToken) is { } pair)
            {
                return new SealChoice(new ActiveSeal(seal.Code, pair, new Org.BouncyCastle.X509.X509Certificate(seal.Certificate), seal.Picture), null);
            }
        }

        return new SealChoice(null, $"department {departmentCode} has {seals.Count} seal(s), none active on chain, valid now and readable");
    }
}
