namespace TrustLedger.Ledger.Chain;

/// <summary>
/// What happened to a transaction: mined successfully, or refused: by the contract (before sending,
/// when gas estimation already reverts, or after mining with status 0), by the node (a sender
/// outside its allowlist, a transaction it will not take), or replaced at its nonce by another
/// transaction of the account. Outages are exceptions.
/// </summary>
public sealed record TransactionOutcome(
    string? TransactionHash,
    ulong? BlockNumber,
    string? ContractAddress,
    ContractRevert? Revert)
{
    /// <summary>The node refused the sender: it is not in the accounts allowlist (Besu -32007).</summary>
    public const string SenderNotAllowlistedError = "SenderNotAllowlisted";

    /// <summary>The node refused the transaction itself, for a reason of its own (its message is kept).</summary>
    public const string NodeRefusedError = "NodeRefused";

    /// <summary>Another transaction of the account was mined with this one's nonce; this one can never be.</summary>
    public const string ReplacedError = "TransactionReplaced";

    public bool Succeeded => Revert is null;

    public static TransactionOutcome Mined(string hash, ulong block, string? contractAddress) => new(hash, block, contractAddress, null);

    public static TransactionOutcome Reverted(ContractRevert revert, string? hash = null, ulong? block = null) => new(hash, block, null, revert);
}
