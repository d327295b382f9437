using System.Collections.Concurrent;

namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>
/// Wakes a step before its interval is up: when a batch's worth of certificates was accepted, or
/// when one step made work for another (sealed documents for the batch step, anchored certificates
/// for the status step). A nudge given while the step is busy is kept for its next wait.
/// </summary>
public sealed class PipelineSignals(TimeProvider time) : IDisposable
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _signals = new(StringComparer.Ordinal);

    public void Nudge(string step)
    {
        var signal = For(step);
        if (signal.CurrentCount == 0)
        {
            try
            {
                signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Nudged by someone else at the same moment: it is awake either way.
            }
        }
    }

    /// <summary>Waits for a nudge or for <paramref name="interval"/>, whichever comes first.</summary>
    public async Task WaitAsync(string step, TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await For(step).WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed.
        }
    }

    private SemaphoreSlim For(string step) => _signals.GetOrAdd(step, _ => new SemaphoreSlim(0, 1));

    public void Dispose()
    {
        foreach (var signal in _signals.Values)
        {
            signal.Dispose();
        }
    }
}
