namespace TrustLedger.CertService.Storage;

/// <summary>A stored certificate: its canonical form, salt and leaf, and once batched, its place in the tree.</summary>
public sealed class CertificateRecord
{
    public Guid Id { get; set; }

    /// <summary>The GB/T 36904 identifier (证照标识); unique.</summary>
    public required string Identifier { get; set; }

    public required string TypeCode { get; set; }

    /// <summary>The version of the type (and its schema) the certificate was issued under.</summary>
    public int TypeVersion { get; set; }

    public required string IssuerCode { get; set; }

    /// <summary>HMAC-SHA256 of the holder code under the service's lookup key: searchable, not readable.</summary>
    public required byte[] HolderCodeHash { get; set; }

    public DateOnly ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }

    /// <summary>关联证照标识: the certificate this one renews or replaces.</summary>
    public string? RelatedIdentifier { get; set; }

    /// <summary>
    /// The certificate's RFC 8785 canonical JSON (exactly the bytes hashed into the leaf), encrypted:
    /// an envelope under a fresh data key wrapped by the issuing department's key-encryption key.
    /// </summary>
    public required byte[] SealedCertificate { get; set; }

    public required byte[] Salt { get; set; }

    public required string HashAlgorithm { get; set; }

    /// <summary>
    /// H(0x00 || salt || JCS(certificate with its <c>document</c> binding)); null until the document
    /// stage has rendered and sealed the PDF, so the leaf always vouches for the exact file.
    /// </summary>
    public byte[]? LeafHash { get; set; }

    /// <summary>The sealed PDF, encrypted like the certificate (its own data key, the id as associated data).</summary>
    public byte[]? SealedDocument { get; set; }

    /// <summary>The PDF's hash (the certificate's hash algorithm), as bound into the leaf.</summary>
    public byte[]? DocumentHash { get; set; }

    /// <summary>The seal that signed the PDF; null when the department had no active seal.</summary>
    public string? SealCode { get; set; }

    public CertificateStatus Status { get; set; }

    /// <summary>The lifecycle status after every change requested so far (the chain's, once they are sent).</summary>
    public Ledger.Contracts.CertificateLifecycle Lifecycle { get; set; }

    public DateTimeOffset AcceptedAt { get; set; }

    public Guid? BatchId { get; set; }

    public AnchorBatchRecord? Batch { get; set; }

    public long? LeafIndex { get; set; }

    /// <summary>The inclusion proof's sibling hashes, concatenated (32 bytes each).</summary>
    public byte[]? ProofPath { get; set; }

    /// <summary>How many times the pipeline failed on this record in a row; reset when it succeeds.</summary>
    public int FailedAttempts { get; set; }

    /// <summary>What went wrong the last time (for operators; no personal data).</summary>
    public string? LastFailure { get; set; }

    /// <summary>Not tried again before this time (backoff after a failure).</summary>
    public DateTimeOffset? RetryAfter { get; set; }
}
