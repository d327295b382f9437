namespace TrustLedger.CertService.Storage;

/// <summary>
/// A chain account this service sends for (a department's, governance's): the next nonce to sign
/// with. Its row is locked for the moment of each send, so instances sharing the database take
/// turns and never sign two transactions with one nonce.
/// </summary>
public sealed class ChainAccountRecord
{
    public required string Account { get; set; }

    public long NextNonce { get; set; }
}

/// <summary>A transaction as it was signed, kept with its nonce so it can be sent again exactly if a node forgets it.</summary>
public sealed class ChainTransactionRecord
{
    public required string Account { get; set; }

    public long Nonce { get; set; }

    public required string Hash { get; set; }

    public required string SignedTransaction { get; set; }

    public DateTimeOffset RecordedAt { get; set; }
}
