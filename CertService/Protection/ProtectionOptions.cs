namespace TrustLedger.CertService.Protection;

/// <summary>How stored certificates are encrypted. Bound from the <c>Protection</c> section.</summary>
public sealed class ProtectionOptions
{
    public const string Section = "Protection";

    /// <summary><c>SM4-GCM</c> (default, GM suite) or <c>AES-256-GCM</c>.</summary>
    public string Cipher { get; set; } = "SM4-GCM";
}
