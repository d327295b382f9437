namespace TrustLedger.CertService.Seals;

/// <summary>
/// A new seal; <paramref name="Suite"/> (<c>SM2-SM3</c> or <c>ECDSA-P256-SHA256</c>) defaults to
/// <c>Seals:SignatureSuite</c>; <paramref name="Picture"/> is the seal's image (印模), a PNG in
/// base64, drawn on every document it seals; without one a standard red seal mark is drawn.
/// </summary>
public sealed record CreateSealRequest(string? Code, string? Name, byte? Type, DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, string? Suite = null, string? Picture = null);

public sealed record SealStatusRequest(ushort? Reason);

/// <summary>A seal as relying parties see it: who owns it, its public key, window and current on-chain status.</summary>
public sealed record SealView(
    string Code, string DepartmentCode, string Name, byte Type, DateTimeOffset ValidFrom, DateTimeOffset ValidUntil, string Suite, string PublicKey, string? PictureSm3, string Status, string RegistrationTransaction);
