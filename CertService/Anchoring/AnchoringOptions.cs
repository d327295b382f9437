namespace TrustLedger.CertService.Anchoring;

/// <summary>When batches are cut, how leaves are hashed, and how the pipeline retries. Bound from the <c>Anchoring</c> section.</summary>
public sealed class AnchoringOptions
{
    public const string Section = "Anchoring";

    /// <summary>A batch is cut at least this often while certificates are pending; every step runs at least this often.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A batch is cut as soon as this many certificates are pending, and holds at most this many.</summary>
    public int MaxLeaves { get; set; } = 10_000;

    /// <summary>SM3 (default, GM/T) or SHA-256.</summary>
    public string HashAlgorithm { get; set; } = "SM3";

    /// <summary>The first wait after a step or a record fails; it doubles with each failure in a row up to <see cref="RetryCap"/>.</summary>
    public TimeSpan RetryBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two tries.</summary>
    public TimeSpan RetryCap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A record (a certificate whose document cannot be made, a batch or a status change the chain
    /// refuses for a reason nobody can name) that fails this many times in a row is quarantined:
    /// marked failed with its reason and skipped until an administrator retries it.
    /// </summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// How long an instance's hold on a chain account lasts without renewal (renewed every third of
    /// it). Only the holder runs the pipeline for the account; when an instance dies, another takes
    /// its accounts over within one period.
    /// </summary>
    public TimeSpan LeasePeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How old a chain-first write left prepared must be before the reconciliation settles it (the
    /// request that made it is surely over by then); by default the receipt timeout and ten seconds.
    /// </summary>
    public TimeSpan? SettleAfter { get; set; }
}
