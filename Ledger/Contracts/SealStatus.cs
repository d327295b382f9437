namespace TrustLedger.Ledger.Contracts;

/// <summary>A seal's status in SealRegistry (STATUS_* constants of the contract).</summary>
public enum SealStatus : byte
{
    None = 0,
    Active = 1,
    Suspended = 2,
    Revoked = 3,
}
