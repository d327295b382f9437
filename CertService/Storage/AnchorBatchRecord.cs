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

    public List<CertificateRecord> Certificates { get; set; } = [];
}
