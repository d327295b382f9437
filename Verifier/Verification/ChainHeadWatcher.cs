using Microsoft.Extensions.Options;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// Looks at the chain's head every half block period, so the Verifier knows when it first saw each
/// block even without traffic: that is what lets <see cref="ChainHealth"/> call a chain stalled by
/// its own clock, not only by block timestamps. The command-line verifier runs no watcher and does
/// not judge liveness.
/// </summary>
public sealed class ChainHeadWatcher(ChainFactsCache facts, IOptions<ChainOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.BlockPeriod / 2;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await facts.HeadAsync();
            }
            catch (ChainUnavailableException)
            {
                // Reported by the health endpoint and by each verification; keep looking.
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }
}
