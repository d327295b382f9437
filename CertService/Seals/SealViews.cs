namespace TrustLedger.CertService.Seals;

public sealed record CreateSealRequest(string? Code, string? Name, byte? Type, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil);

public sealed record SealStatusRequest(ushort? Reason);

/// <summary>A seal as relying parties see it: who owns it, its public key, window and current on-chain status.</summary>
public sealed record SealView(
    string Code, string DepartmentCode, string Name, byte Type, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, string PublicKey, string Status, string RegistrationTransaction);
