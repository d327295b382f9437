namespace TrustLedger.CertService.Departments;

/// <summary>An onboarded issuing department. Its chain key is in the keystore under its credit code, never here.</summary>
public sealed record Department(string CreditCode, string Name, string Account);
