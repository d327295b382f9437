using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace TrustLedger.Verifier.Verification;

/// <summary>How many uploaded documents are verified at once, across every caller (<c>RateLimits:Documents</c>).</summary>
public sealed class DocumentWorkOptions
{
    public const string Section = "RateLimits:Documents";

    /// <summary>Documents parsed and checked at the same time.</summary>
    public int ConcurrentLimit { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Documents that may wait for a turn; one more is turned away at once.</summary>
    public int QueueLimit { get; set; } = 32;

    /// <summary>How long a document waits for its turn before it is turned away.</summary>
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>
/// The Verifier's bound on heavy work: a document is read into memory, parsed and checked only while
/// it holds one of <see cref="DocumentWorkOptions.ConcurrentLimit"/> turns, so many callers together
/// (the per-address limit does not see them as one) cannot take all the CPU or memory. A turn is
/// taken after the upload is complete: a slow uploader holds no turn while it trickles bytes in.
/// </summary>
public sealed class DocumentWorkGate : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly TimeSpan _maxWait;

    public DocumentWorkGate(IOptions<DocumentWorkOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var value = options.Value;
        _maxWait = value.MaxWait;
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = value.ConcurrentLimit,
            QueueLimit = value.QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>A turn, or null when none came free in time (the caller answers 503 with Retry-After).</summary>
    public async Task<RateLimitLease?> EnterAsync(CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(_maxWait);
        RateLimitLease lease;
        try
        {
            lease = await _limiter.AcquireAsync(1, wait.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        if (lease.IsAcquired)
        {
            return lease;
        }

        lease.Dispose();
        return null;
    }

    public void Dispose() => _limiter.Dispose();
}
