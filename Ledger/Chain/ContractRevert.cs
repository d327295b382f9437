namespace TrustLedger.Ledger.Chain;

/// <summary>A decoded revert: the custom error's name (e.g. <c>RootAlreadyAnchored</c>) and a readable form with its arguments.</summary>
public sealed record ContractRevert(string ErrorName, string Description, string? Data);
