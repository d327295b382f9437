using Microsoft.Extensions.Options;

namespace TrustLedger.CertService.Anchoring;

/// <summary>Wakes the anchoring worker early once enough certificates have been accepted to fill a batch.</summary>
public sealed class AnchoringTrigger(IOptions<AnchoringOptions> options, TimeProvider time) : IDisposable
{
    private readonly SemaphoreSlim _full = new(0, 1);
    private int _accepted;

    public void LeafAccepted()
    {
        if (Interlocked.Increment(ref _accepted) >= options.Value.MaxLeaves && _full.CurrentCount == 0)
        {
            try
            {
                _full.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another request released it first: the worker is already awake.
            }
        }
    }

    /// <summary>Waits for the interval to pass or for a full batch, whichever comes first.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        using var interval = new CancellationTokenSource(options.Value.Interval, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, interval.Token);
        try
        {
            await _full.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The interval passed.
        }

        Interlocked.Exchange(ref _accepted, 0);
    }

    public void Dispose() => _full.Dispose();
}
