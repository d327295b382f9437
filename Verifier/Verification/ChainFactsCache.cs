using System.Collections.Concurrent;
using TrustLedger.Ledger.Chain;
using Nethereum.Contracts;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// Chain facts the checks read, cached where that is safe, so a verification in steady state asks
/// the node one thing only: its newest block. QBFT blocks are final, so facts about a block already mined never change: an
/// anchor once found, an authorisation or a seal status at a past block, a department's or a
/// seal's registration (the contracts write them once) and the node's chain id are kept. A status
/// history can change with any block, so it is kept only together with the block it was read at,
/// and read again as soon as the node reports a newer block (the head is asked for on every status
/// read): the cache never answers with a status older than the node's newest block. Liveness
/// (<see cref="HeadAsync"/>) may use a head up to <see cref="HeadFreshness"/> old.
/// </summary>
public sealed class ChainFactsCache(
    CertificateAnchorClient anchors, CertificateStatusClient statuses, IssuerRegistryClient issuers, SealRegistryClient seals, ChainReader chain, TimeProvider time)
{
    /// <summary>How long a head block number is taken as the newest block.</summary>
    public static readonly TimeSpan HeadFreshness = TimeSpan.FromMilliseconds(250);

    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, AnchorStruct> _anchors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ulong Block, LifecycleHistory History)> _histories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DepartmentOutput> _departments = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string> _accounts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Account, string Type, ulong Block), bool> _authorisations = new();
    private readonly ConcurrentDictionary<string, SealStruct> _seals = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, AnchoringTransaction> _transactions = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Code, ulong Block), SealStatus> _sealStatuses = new();
    private long? _chainId;
    private string? _genesisHash;
    private Head? _head;
    private long _hits;

    /// <summary>How many answers came from the cache (for tests and metrics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>The anchor of a root by the given account, kept once found (an anchor is written once).</summary>
    public async Task<AnchorStruct?> AnchorAsync(string account, byte[] root)
    {
        var key = account.ToUpperInvariant() + ":" + Convert.ToHexString(root);
        if (_anchors.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var anchor = await anchors.GetAnchorAsync(account, root);
        if (anchor is not null)
        {
            Keep(_anchors, key, anchor);
        }

        return anchor;
    }

    /// <summary>
    /// The status history as of the latest block, and that block. The head is asked for on every call
    /// (one eth_blockNumber): a suspension mined a moment ago must be seen by the next verification.
    /// </summary>
    public async Task<(LifecycleHistory History, ulong Block)> StatusHistoryAsync(string issuer, byte[] statusKey)
    {
        var latest = await chain.GetHeadBlockAsync();
        var key = issuer.ToUpperInvariant() + ":" + Convert.ToHexString(statusKey);
        if (_histories.TryGetValue(key, out var cached) && cached.Block >= latest)
        {
            Interlocked.Increment(ref _hits);
            return (cached.History, cached.Block);
        }

        var history = await statuses.GetHistoryAsync(issuer, statusKey);
        Keep(_histories, key, (latest, history));
        return (history, latest);
    }

    /// <summary>The node's chain id (asked once).</summary>
    public async Task<long> ChainIdAsync() => _chainId ??= await chain.GetChainIdAsync();

    /// <summary>The hash of the node's block 0 (asked until the node has one, then kept: it never changes).</summary>
    public async Task<string> GenesisHashAsync()
    {
        if (_genesisHash is { Length: > 0 } known)
        {
            return known;
        }

        var hash = await chain.GetGenesisHashAsync();
        _genesisHash = hash.Length > 0 ? hash : null;
        return hash;
    }

    /// <summary>
    /// The newest block (number, timestamp) as asked at most <see cref="HeadFreshness"/> ago, and when
    /// this Verifier first saw a block of that number (its own clock: block timestamps may be skewed).
    /// </summary>
    public async Task<Head> HeadAsync()
    {
        var now = time.GetUtcNow();
        if (_head is { } head && now - head.AskedAt < HeadFreshness)
        {
            return head;
        }

        var (number, timestamp) = await chain.GetHeadAsync();
        var fresh = new Head(number, timestamp, _head is { } known && known.Block == number ? known.FirstSeenAt : now, now);
        _head = fresh;
        return fresh;
    }

    /// <summary>
    /// The batches a mined, successful transaction anchored (contract, root, issuer) and its block;
    /// null when the node knows no such transaction or it failed. Kept once found: a transaction in a
    /// final block never changes, and only transactions that are on chain are ever kept.
    /// </summary>
    public async Task<AnchoringTransaction?> AnchoringTransactionAsync(string transactionHash)
    {
        if (_transactions.TryGetValue(transactionHash, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var receipt = await chain.GetReceiptAsync(transactionHash);
        if (receipt?.BlockNumber is null || receipt.Status?.Value != 1)
        {
            return null;
        }

        var anchored = receipt.DecodeAllEvents<BatchAnchoredEvent>()
            .Select(e => new AnchoredBatch(e.Log.Address, e.Event.Root, e.Event.Issuer))
            .ToList();
        var transaction = new AnchoringTransaction((ulong)receipt.BlockNumber.Value, anchored);
        Keep(_transactions, transactionHash, transaction);
        return transaction;
    }

    public sealed record AnchoredBatch(string Contract, byte[] Root, string Issuer);

    public sealed record AnchoringTransaction(ulong Block, IReadOnlyList<AnchoredBatch> Batches);

    /// <summary>The head block as this Verifier knows it.</summary>
    public sealed record Head(ulong Block, DateTimeOffset Timestamp, DateTimeOffset FirstSeenAt, DateTimeOffset AskedAt);

    /// <summary>The account registered for a credit code; kept once registered (the registry writes it once).</summary>
    public async Task<string?> AccountOfAsync(string creditCode)
    {
        if (_accounts.TryGetValue(creditCode, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var account = await issuers.AccountOfAsync(creditCode);
        if (account is not null)
        {
            Keep(_accounts, creditCode, account);
        }

        return account;
    }

    /// <summary>A department's registration; kept once registered (credit code and name are written once).</summary>
    public async Task<DepartmentOutput> DepartmentAsync(string account)
    {
        if (_departments.TryGetValue(account, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var department = await issuers.GetDepartmentAsync(account);
        if (department.RegisteredAtBlock != 0)
        {
            Keep(_departments, account, department);
        }

        return department;
    }

    /// <summary>Whether the account held the type at a mined block (final).</summary>
    public async Task<bool> WasAuthorisedAtAsync(string account, string typeCode, ulong block)
    {
        var key = (account.ToUpperInvariant(), typeCode, block);
        if (_authorisations.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var authorised = await issuers.WasAuthorisedAtAsync(account, typeCode, block);
        Keep(_authorisations, key, authorised);
        return authorised;
    }

    /// <summary>A seal's registration (owner, key hash, window, name); kept once found, since SealRegistry writes it once.</summary>
    public async Task<SealStruct?> SealAsync(string sealCode)
    {
        if (_seals.TryGetValue(sealCode, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var found = await seals.GetAsync(sealCode);
        if (found is { } registered)
        {
            Keep(_seals, sealCode, registered.Seal);
        }

        return found?.Seal;
    }

    /// <summary>A seal's status at a mined block (final).</summary>
    public async Task<SealStatus> SealStatusAtAsync(string sealCode, ulong block)
    {
        if (_sealStatuses.TryGetValue((sealCode, block), out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var status = await seals.StatusAtAsync(sealCode, block);
        Keep(_sealStatuses, (sealCode, block), status);
        return status;
    }

    // Bounded: past the limit, answers are still right, just asked for again.
    private static void Keep<TKey, TValue>(ConcurrentDictionary<TKey, TValue> cache, TKey key, TValue value)
        where TKey : notnull
    {
        if (cache.Count < MaxEntries)
        {
            cache[key] = value;
        }
    }
}
