using System.Security.Claims;

namespace TrustLedger.CertService.Departments;

/// <summary>The claims TrustLedger's policies read, whichever way the caller authenticated.</summary>
public static class AccessClaims
{
    public const string CreditCode = "trustledger:credit_code";
    public const string Admin = "trustledger:admin";
    public const string ActorClaim = "trustledger:actor";
    public const string AgencyCode = "trustledger:agency_code";
    public const string HolderCode = "trustledger:holder_code";
    public const string VerifierService = "trustledger:verifier";
    public const string Auditor = "trustledger:auditor";

    public const string IssuerPolicy = "Issuer";
    public const string AdminPolicy = "Admin";
    public const string AgencyPolicy = "Agency";
    public const string HolderPolicy = "Holder";
    public const string VerifierPolicy = "Verifier";

    /// <summary>Reading the data catalog: departments (who request and publish data), administrators and auditors; not agencies or holders.</summary>
    public const string CatalogReadPolicy = "CatalogRead";

    /// <summary>Reading audit trails and histories: governance administrators and auditors.</summary>
    public const string AuditReadPolicy = "AuditRead";

    /// <summary>The credit code of the department making the request.</summary>
    public static string IssuerCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(CreditCode) ?? throw new InvalidOperationException("the Issuer policy guarantees a credit code claim");

    public static string Agency(this ClaimsPrincipal user) =>
        user.FindFirstValue(AgencyCode) ?? throw new InvalidOperationException("the Agency policy guarantees an agency code claim");

    /// <summary>The holder's certificate code (ID number or credit code), as the identity platform vouched for it.</summary>
    public static string Holder(this ClaimsPrincipal user) =>
        user.FindFirstValue(HolderCode) ?? throw new InvalidOperationException("the Holder policy guarantees a holder code claim");

    /// <summary>Who did it, for audit records: the token subject or the API key's prefix.</summary>
    public static string ActorName(this ClaimsPrincipal user) => user.FindFirstValue(ActorClaim) ?? "unknown";
}
