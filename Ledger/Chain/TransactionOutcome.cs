namespace TrustLedger.Ledger.Chain;

/// <summary>
/// What happened to a transaction: mined successfully, or refused by the contract (before sending,
/// when gas estimation already reverts, or after mining with status 0). Outages are exceptions.
/// </summary>
public sealed record TransactionOutcome(
    string? TransactionHash,
    ulong? BlockNumber,
    string? ContractAddress,
    ContractRevert? Revert)
{
    public bool Succeeded => Revert is null;

    public static TransactionOutcome Mined(string hash, ulong block, string? contractAddress) => new(hash, block, contractAddress, null);

    public static TransactionOutcome Reverted(ContractRevert revert, string? hash = null, ulong? block = null) => new(hash, block, null, revert);
}
