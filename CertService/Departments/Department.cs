using TrustLedger.Ledger.Chain;

namespace TrustLedger.CertService.Departments;

/// <summary>An authenticated issuing department and the key it anchors with.</summary>
public sealed record Department(string CreditCode, string Name, SigningKey SigningKey);
