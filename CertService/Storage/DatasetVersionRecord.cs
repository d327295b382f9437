namespace TrustLedger.CertService.Storage;

/// <summary>
/// A published version of a data resource: its Merkle root over the rows, row count and schema hash
/// as anchored in DataRegistry; the leaf hashes live in a file beside the database. For resources
/// with personal data, the secret the row salts derive from is stored encrypted (the source's KEK).
/// </summary>
public sealed class DatasetVersionRecord
{
    public Guid Id { get; set; }

    public required string ResourceCode { get; set; }

    public int Version { get; set; }

    public long RowCount { get; set; }

    public required byte[] Root { get; set; }

    public required byte[] SchemaHash { get; set; }

    /// <summary>The column names, in order, as JSON.</summary>
    public required string SchemaJson { get; set; }

    public required string HashAlgorithm { get; set; }

    /// <summary>The salt secret, sealed like a certificate; null when the resource holds no personal data.</summary>
    public byte[]? SealedSaltSecret { get; set; }

    public required string AuthoritativeFields { get; set; }

    public required string PublishedBy { get; set; }

    public DateTimeOffset PublishedAt { get; set; }

    /// <summary>
    /// <c>prepared</c> (recorded before its transaction is sent, so a crash between the chain's write
    /// and this one heals from the chain), <c>published</c>, or <c>abandoned</c> (never reached the chain).
    /// </summary>
    public string State { get; set; } = ChainWriteStates.Published;

    public string? TransactionHash { get; set; }

    public long? BlockNumber { get; set; }

    public long ElapsedMilliseconds { get; set; }
}
