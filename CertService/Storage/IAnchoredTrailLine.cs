namespace TrustLedger.CertService.Storage;

/// <summary>A line of an off-chain audit trail whose leaf hash is anchored in AuditTrail, keeping its place in the anchored tree.</summary>
public interface IAnchoredTrailLine
{
    byte[] EntryHash { get; }

    byte[]? TrailRoot { get; set; }

    int? TrailIndex { get; set; }

    int? TrailSize { get; set; }

    /// <summary>The inclusion proof's sibling hashes, concatenated (32 bytes each).</summary>
    byte[]? TrailProof { get; set; }

    string? TrailTransaction { get; set; }

    long? TrailBlock { get; set; }
}
