using System.Collections.Concurrent;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// Chain facts the checks read, cached where that is safe. An anchor, once found, never changes
/// (QBFT blocks are final), so found anchors are kept. A status history can change with any block,
/// so it is kept only together with the block it was read at and read again as soon as the node
/// reports a newer block: the cache never answers with a status older than the latest block seen.
/// </summary>
public sealed class ChainFactsCache(CertificateAnchorClient anchors, CertificateStatusClient statuses, ChainReader chain)
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, AnchorStruct> _anchors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (ulong Block, LifecycleHistory History)> _histories = new(StringComparer.Ordinal);

    /// <summary>How many answers came from the cache (for tests and metrics).</summary>
    public long Hits => Interlocked.Read(ref _hits);

    private long _hits;

    public async Task<AnchorStruct?> AnchorAsync(byte[] root)
    {
        var key = Convert.ToHexString(root);
        if (_anchors.TryGetValue(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }

        var anchor = await anchors.GetAnchorAsync(root);
        if (anchor is not null && _anchors.Count < MaxEntries)
        {
            _anchors[key] = anchor;
        }

        return anchor;
    }

    /// <summary>The status history as of the latest block, and that block.</summary>
    public async Task<(LifecycleHistory History, ulong Block)> StatusHistoryAsync(byte[] statusKey)
    {
        var latest = await chain.GetHeadBlockAsync();
        var key = Convert.ToHexString(statusKey);
        if (_histories.TryGetValue(key, out var cached) && cached.Block >= latest)
        {
            Interlocked.Increment(ref _hits);
            return (cached.History, cached.Block);
        }

        var history = await statuses.GetHistoryAsync(statusKey);
        if (_histories.Count < MaxEntries)
        {
            _histories[key] = (latest, history);
        }

        return (history, latest);
    }
}
