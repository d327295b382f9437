namespace TrustLedger.CertService.Anchoring;

/// <summary>When batches are cut and how leaves are hashed. Bound from the <c>Anchoring</c> section.</summary>
public sealed class AnchoringOptions
{
    public const string Section = "Anchoring";

    /// <summary>A batch is cut at least this often while certificates are pending.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A batch is cut as soon as this many certificates are pending, and holds at most this many.</summary>
    public int MaxLeaves { get; set; } = 10_000;

    /// <summary>SM3 (default, GM/T) or SHA-256.</summary>
    public string HashAlgorithm { get; set; } = "SM3";
}
