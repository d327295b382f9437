namespace TrustLedger.Verifier.Verification;

/// <summary>
/// What a valid embedded signature establishes: the signer's public key (uncompressed point), the
/// time it claims, the digest it covers and, when present, the GB/T 38540 seal fields it signed.
/// </summary>
public sealed record DocumentSeal(byte[] PublicKey, DateTimeOffset SigningTime, byte[] MessageDigest, Ledger.Crypto.SesSignatureInfo? Ses, string Suite);
