namespace TrustLedger.CertService.Departments;

/// <summary>Who may call CertService. Bound from the <c>Access</c> section.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";

    /// <summary>SHA-256 (hex) of the governance administrators' API key; empty disables the admin key.</summary>
    public string AdminApiKeySha256 { get; set; } = "";

    /// <summary>SHA-256 (hex) of the Verifier's service key, with which it fetches a bundle for a QR code; empty disables it.</summary>
    public string VerifierApiKeySha256 { get; set; } = "";

    public OidcOptions Oidc { get; set; } = new();
}

/// <summary>
/// Bearer tokens from the city's unified identity platform. Production sets <see cref="Authority"/>
/// (keys from its OIDC discovery document); <see cref="SigningKey"/> is for platforms that share a
/// symmetric key, and for tests.
/// </summary>
public sealed class OidcOptions
{
    public string Authority { get; set; } = "";

    public string Issuer { get; set; } = "";

    /// <summary>The audience of department (system-to-system) tokens: only these may carry a department's credit code or the admin role.</summary>
    public string Audience { get; set; } = "trustledger-certservice";

    /// <summary>The audience of holder (citizen or company sign-in) tokens: only these may carry a holder code.</summary>
    public string HolderAudience { get; set; } = "trustledger-holder";

    /// <summary>The audience of auditor tokens (the audit office, the city's supervision): they read audit trails and histories, and do nothing else.</summary>
    public string AuditorAudience { get; set; } = "trustledger-auditor";

    /// <summary>The role an auditor token must carry as well (in <c>roles</c> or <c>role</c>): the audience alone makes no auditor.</summary>
    public string AuditorRole { get; set; } = "trustledger.auditor";

    /// <summary>How often, at most, an unknown signing key makes CertService fetch the platform's JWKS again (key rotation).</summary>
    public TimeSpan JwksRefreshInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Base64 HMAC-SHA256 key (at least 32 bytes) when the platform signs with a shared key.</summary>
    public string SigningKey { get; set; } = "";

    /// <summary>The token claim that carries a department's unified social credit code.</summary>
    public string DepartmentClaim { get; set; } = "credit_code";

    /// <summary>The claim carrying a signed-in holder's verified ID number or credit code (real-name sign-in).</summary>
    public string HolderClaim { get; set; } = "holder_code";

    /// <summary>The role (in the <c>roles</c> or <c>role</c> claim) of governance administrators.</summary>
    public string AdminRole { get; set; } = "trustledger.admin";

    public bool Enabled => !string.IsNullOrEmpty(Authority) || !string.IsNullOrEmpty(SigningKey);
}
