using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// Whether the chain is alive: a QBFT chain with more than a third of its validators down produces no
/// blocks, and what it says "now" may then lack recent changes (a revocation sent but never mined).
/// Stalled means no new block for three block periods, both by this Verifier's own clock (since it
/// first saw the head) and by the head block's timestamp, so neither a skewed clock nor a Verifier
/// just started calls a live chain stalled.
/// </summary>
public sealed class ChainHealth(ChainFactsCache facts, ChainReader chain, IOptions<ChainOptions> options, TimeProvider time)
{
    public TimeSpan StallAfter => 3 * options.Value.BlockPeriod;

    /// <summary>How long the chain has produced no block, when that is longer than <see cref="StallAfter"/>; null while it is alive.</summary>
    public async Task<TimeSpan?> StalledForAsync()
    {
        var head = await facts.HeadAsync();
        var now = time.GetUtcNow();
        var unseen = now - head.FirstSeenAt;
        var age = now - head.Timestamp;
        return unseen > StallAfter && age > StallAfter ? age : null;
    }

    /// <summary>The chain as the health endpoint reports it.</summary>
    public async Task<ChainHealthReport> ReportAsync()
    {
        var head = await facts.HeadAsync();
        var stalled = await StalledForAsync();
        var validators = await chain.GetValidatorsAsync(head.Block);
        return new ChainHealthReport(
            stalled is null ? "ok" : "stalled",
            await facts.ChainIdAsync(),
            head.Block,
            head.Timestamp,
            Math.Round((time.GetUtcNow() - head.Timestamp).TotalSeconds, 1),
            StallAfter.TotalSeconds,
            validators?.Count,
            validators);
    }
}

/// <summary>What <c>GET /health/chain</c> answers; <c>validatorCount</c> is null where the node has no QBFT API (Anvil).</summary>
public sealed record ChainHealthReport(
    string Status, long ChainId, ulong HeadBlock, DateTimeOffset HeadTimestamp, double BlockAgeSeconds, double StallAfterSeconds, int? ValidatorCount, IReadOnlyList<string>? Validators);
