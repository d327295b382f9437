namespace TrustLedger.CertService.Seals;

/// <summary>How new seals sign. Bound from the <c>Seals</c> section.</summary>
public sealed class SealOptions
{
    public const string Section = "Seals";

    /// <summary>
    /// <c>SM2-SM3</c> (default: the GM suite GB/T 38540 expects) or <c>ECDSA-P256-SHA256</c> for
    /// documents that must validate in PDF readers without SM2 support. A request may choose per seal.
    /// </summary>
    public string SignatureSuite { get; set; } = Ledger.Crypto.SealKeyPair.Sm2Sm3;

    /// <summary>How long issuance reuses a department's active seal before looking it up again (see <see cref="DepartmentSeals.RecentActiveSealAsync"/>).</summary>
    public TimeSpan ActiveSealCacheTtl { get; set; } = TimeSpan.FromSeconds(10);
}
