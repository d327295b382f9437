namespace TrustLedger.CertService.Storage;

/// <summary>A consumer department's request for a data resource: purpose, legal basis, window, and the source's decision.</summary>
public sealed class DataSharingRequestRecord
{
    public Guid Id { get; set; }

    public required string ResourceCode { get; set; }

    public required string Consumer { get; set; }

    public required string Purpose { get; set; }

    public required string LegalBasis { get; set; }

    public DateTimeOffset NotAfter { get; set; }

    /// <summary><c>pending</c>, <c>approved</c> or <c>refused</c>.</summary>
    public required string State { get; set; }

    public DateTimeOffset RequestedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? Reason { get; set; }
}

/// <summary>
/// One entry of a resource's data-sharing trail (request, approval, refusal, delivery), numbered
/// per resource and chained to the previous entry's hash, so leaving one out breaks the chain; its
/// leaf hash is anchored in AuditTrail with the other entries of the round.
/// </summary>
public sealed class DataTrailEntryRecord : IAnchoredTrailLine
{
    public Guid Id { get; set; }

    public required string ResourceCode { get; set; }

    public long Sequence { get; set; }

    public required string Kind { get; set; }

    public Guid RequestId { get; set; }

    public required string Consumer { get; set; }

    public int? Version { get; set; }

    public string? DataHash { get; set; }

    public required string Detail { get; set; }

    public required string Actor { get; set; }

    public DateTimeOffset At { get; set; }

    public required byte[] PrevHash { get; set; }

    public required byte[] EntryHash { get; set; }

    public byte[]? TrailRoot { get; set; }

    public int? TrailIndex { get; set; }

    public int? TrailSize { get; set; }

    public byte[]? TrailProof { get; set; }

    public string? TrailTransaction { get; set; }

    public long? TrailBlock { get; set; }
}
