using System.Numerics;

namespace TrustLedger.Ledger.Chain;

/// <summary>
/// Where a chain account's nonces and signed transactions are kept between sends. Every sender of
/// an account shares its journal: one in memory for a single process (<see cref="InMemorySendJournal"/>),
/// one in the database when several service instances send for the same accounts, so two of them
/// never sign two transactions with one nonce and a transaction a node dropped can be sent again
/// exactly as it was signed.
/// </summary>
public interface ISendJournal
{
    /// <summary>
    /// Opens the account's send slot. While it is open no other sender sharing the journal opens a
    /// slot for the same account (in this process or, for a shared journal, in any other).
    /// </summary>
    Task<ISendSlot> OpenAsync(string account, CancellationToken cancellationToken);
}

/// <summary>One sender's exclusive turn at an account, from choosing a nonce to recording what was sent with it.</summary>
public interface ISendSlot : IAsyncDisposable
{
    /// <summary>The nonce after the newest one recorded, or null when nothing was recorded for the account yet.</summary>
    BigInteger? NextNonce { get; }

    /// <summary>The signed transaction recorded with a nonce, if the journal still holds it.</summary>
    Task<string?> SignedTransactionAsync(BigInteger nonce, CancellationToken cancellationToken);

    /// <summary>Records a transaction signed with <paramref name="nonce"/>; the next nonce is then one higher. Durable when this returns.</summary>
    Task RecordAsync(BigInteger nonce, string transactionHash, string signedTransaction, CancellationToken cancellationToken);

    /// <summary>The node refused the newest recorded transaction outright: its nonce is free again and the next nonce is <paramref name="nonce"/>.</summary>
    Task ForgetAsync(BigInteger nonce, CancellationToken cancellationToken);
}
