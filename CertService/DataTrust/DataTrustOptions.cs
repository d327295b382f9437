namespace TrustLedger.CertService.DataTrust;

/// <summary>Where dataset leaf files live. Bound from the <c>DataTrust</c> section.</summary>
public sealed class DataTrustOptions
{
    public const string Section = "DataTrust";

    /// <summary>One folder per resource, two files per version: leaf hashes and (off-chain only) content digests.</summary>
    public string Directory { get; set; } = "devnet/.state/datasets";
}
