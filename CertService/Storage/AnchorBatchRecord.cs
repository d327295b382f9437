namespace TrustLedger.CertService.Storage;

/// <summary>One Merkle batch of one department's certificates and its anchoring transaction.</summary>
public sealed class AnchorBatchRecord
{
    public Guid Id { get; set; }

    public required string IssuerCode { get; set; }

    public required byte[] Root { get; set; }

    public int LeafCount { get; set; }

    public required string HashAlgorithm { get; set; }

    /// <summary>The certificate types in the batch, comma-separated; the contract checks each is granted.</summary>
    public required string TypeCodes { get; set; }

    public AnchorBatchState State { get; set; }

    public DateTimeOffset PreparedAt { get; set; }

    public string? TransactionHash { get; set; }

    public long? BlockNumber { get; set; }

    public DateTimeOffset? AnchoredAt { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>How many times the pipeline failed on this record in a row; reset when it succeeds.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>What went wrong the last time (for operators; no personal data).</summary>
    public string? LastFailure { get; set; }

    /// <summary>Not tried again before this time (backoff after a failure).</summary>
    public DateTimeOffset? RetryAfter { get; set; }

    public List<CertificateRecord> Certificates { get; set; } = [];
}
