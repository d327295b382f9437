namespace TrustLedger.CertService.Storage;

/// <summary>A stored certificate: its canonical form, salt and leaf, and once batched, its place in the tree.</summary>
public sealed class CertificateRecord
{
    public Guid Id { get; set; }

    public required string TypeCode { get; set; }

    public required string IssuerCode { get; set; }

    /// <summary>RFC 8785 canonical JSON of the certificate, exactly the bytes hashed into the leaf.</summary>
    public required string CanonicalJson { get; set; }

    public required byte[] Salt { get; set; }

    public required string HashAlgorithm { get; set; }

    public required byte[] LeafHash { get; set; }

    public CertificateStatus Status { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public Guid? BatchId { get; set; }

    public AnchorBatchRecord? Batch { get; set; }

    public long? LeafIndex { get; set; }

    /// <summary>The inclusion proof's sibling hashes, concatenated (32 bytes each).</summary>
    public byte[]? ProofPath { get; set; }
}
