using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;

namespace TrustLedger.CertService.Departments;

public static class DepartmentExtensions
{
    public const string IssuerPolicy = "Issuer";

    public static WebApplicationBuilder AddDepartmentAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<List<DepartmentOptions>>(builder.Configuration.GetSection(DepartmentOptions.Section));
        builder.Services.AddSingleton<DepartmentDirectory>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(IssuerPolicy, policy => policy.RequireClaim(ApiKeyAuthenticationHandler.CreditCodeClaim));
        return builder;
    }

    /// <summary>The credit code of the department making the request.</summary>
    public static string IssuerCode(this ClaimsPrincipal user) =>
        user.FindFirstValue(ApiKeyAuthenticationHandler.CreditCodeClaim)
        ?? throw new InvalidOperationException("the Issuer policy guarantees a credit code claim");
}
