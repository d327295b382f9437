namespace TrustLedger.CertService.Issuance;

/// <summary>How certificates are numbered. Bound from the <c>Issuance</c> section.</summary>
public sealed class IssuanceOptions
{
    public const string Section = "Issuance";

    /// <summary>
    /// Serials reserved per trip to the database (see <see cref="SerialAllocator"/>): 100 by
    /// default; 1 for serials without gaps after a restart, at a large cost in throughput.
    /// </summary>
    public int SerialBlockSize { get; set; } = 100;
}
