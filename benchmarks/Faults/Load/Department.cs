namespace TrustLedger.Faults.Load;

/// <summary>An issuing department the suite onboarded: its credit code, chain account and API key.</summary>
public sealed record Department(string CreditCode, string Name, string Account, string ApiKey);
