namespace TrustLedger.CertService.Storage;

/// <summary>
/// One line of the sharing trail: a grant made or revoked, an access served or refused. Its hash is
/// a leaf of a trail batch whose root the AuditTrail contract anchors; the proof is kept here so an
/// auditor can show the line was recorded no later than that block. No personal data: ids, codes, times.
/// </summary>
public sealed class SharingEventRecord : IAnchoredTrailLine
{
    public Guid Id { get; set; }

    public Guid GrantId { get; set; }

    public Guid CertificateId { get; set; }

    public required string AgencyCode { get; set; }

    /// <summary><c>grant</c>, <c>revoke</c>, <c>access</c> or <c>access-refused</c>.</summary>
    public required string Kind { get; set; }

    /// <summary>Who acted: the holder (pseudonymous), or the agency's key.</summary>
    public required string Actor { get; set; }

    public required string Detail { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>SM3 leaf hash of the event's canonical JSON (RFC 9162 leaf, 0x00 prefix).</summary>
    public required byte[] EntryHash { get; set; }

    public byte[]? TrailRoot { get; set; }

    public int? TrailIndex { get; set; }

    public int? TrailSize { get; set; }

    /// <summary>The inclusion proof's sibling hashes, concatenated (32 bytes each).</summary>
    public byte[]? TrailProof { get; set; }

    public string? TrailTransaction { get; set; }

    public long? TrailBlock { get; set; }
}
