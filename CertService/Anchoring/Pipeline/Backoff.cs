namespace TrustLedger.CertService.Anchoring.Pipeline;

/// <summary>Capped exponential backoff with jitter: base, 2 × base, 4 × base … up to the cap, each up to a quarter shorter.</summary>
public static class Backoff
{
    public static TimeSpan After(int failuresInARow, AnchoringOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponent = Math.Clamp(failuresInARow - 1, 0, 30);
        var wait = Math.Min(options.RetryBase.TotalMilliseconds * Math.Pow(2, exponent), options.RetryCap.TotalMilliseconds);
        // Jitter keeps two instances, or many records, from retrying in step.
        return TimeSpan.FromMilliseconds(wait * (1 - (Random.Shared.NextDouble() / 4)));
    }
}
