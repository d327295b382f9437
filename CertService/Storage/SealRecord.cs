namespace TrustLedger.CertService.Storage;

/// <summary>A department's electronic seal: its code, metadata and SM2 public key. The private key is in the keystore.</summary>
public sealed class SealRecord
{
    /// <summary>The seal code (GB/T 38540 esID); on chain as SM3 of its UTF-8 bytes.</summary>
    public required string Code { get; set; }

    public required string DepartmentCode { get; set; }

    public required string Name { get; set; }

    public byte SealType { get; set; }

    public DateTimeOffset ValidFrom { get; set; }

    public DateTimeOffset ValidUntil { get; set; }

    /// <summary>The signature suite: <c>SM2-SM3</c> (default) or <c>ECDSA-P256-SHA256</c>.</summary>
    public string Suite { get; set; } = Ledger.Crypto.SealKeyPair.Sm2Sm3;

    /// <summary>The public key (SM2 or P-256), uncompressed (65 bytes).</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>The seal's picture (印模, GB/T 38540 ES_PictureInfo), PNG; null for the standard drawn mark.</summary>
    public byte[]? Picture { get; set; }

    /// <summary>The seal's self-issued X.509 certificate (DER), carried in every signature it makes.</summary>
    public required byte[] Certificate { get; set; }

    /// <summary><c>prepared</c> (recorded before its registration is sent), <c>published</c> (registered in SealRegistry) or <c>abandoned</c>.</summary>
    public string State { get; set; } = ChainWriteStates.Published;

    public string? RegistrationTransaction { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedBy { get; set; }
}
