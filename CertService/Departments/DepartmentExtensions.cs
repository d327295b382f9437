using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace TrustLedger.CertService.Departments;

public static class DepartmentExtensions
{
    private const string Selector = "TrustLedger";

    /// <summary>
    /// Departments authenticate with an API key (X-Api-Key) or a bearer token from the identity
    /// platform; either way the request carries the same claims and meets the same policies.
    /// </summary>
    public static WebApplicationBuilder AddDepartmentAuthentication(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccessOptions>().BindConfiguration(AccessOptions.Section);
        builder.Services.AddAuthentication(Selector)
            .AddPolicyScheme(Selector, Selector, o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddJwtBearer();
        builder.Services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<AccessOptions>>((jwt, access) => ConfigureJwt(jwt, access.Value.Oidc));
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(AccessClaims.IssuerPolicy, policy => policy.RequireClaim(AccessClaims.CreditCode))
            .AddPolicy(AccessClaims.AdminPolicy, policy => policy.RequireClaim(AccessClaims.Admin, "true"))
            .AddPolicy(AccessClaims.AgencyPolicy, policy => policy.RequireClaim(AccessClaims.AgencyCode))
            .AddPolicy(AccessClaims.HolderPolicy, policy => policy.RequireClaim(AccessClaims.HolderCode))
            .AddPolicy(AccessClaims.VerifierPolicy, policy => policy.RequireClaim(AccessClaims.VerifierService, "true"));
        return builder;
    }

    private static void ConfigureJwt(JwtBearerOptions jwt, OidcOptions oidc)
    {
        jwt.MapInboundClaims = false;
        if (!string.IsNullOrEmpty(oidc.Authority))
        {
            jwt.Authority = oidc.Authority;
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrEmpty(oidc.Issuer) ? oidc.Authority : oidc.Issuer,
            ValidateAudience = true,
            ValidAudience = oidc.Audience,
            ValidateLifetime = true,
            RequireSignedTokens = true,
            // Without a configured platform no token can validate: the key below exists only to refuse.
            IssuerSigningKey = new SymmetricSecurityKey(string.IsNullOrEmpty(oidc.SigningKey)
                ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)
                : Convert.FromBase64String(oidc.SigningKey)),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                var principal = context.Principal!;
                var claims = new List<Claim> { new(AccessClaims.ActorClaim, "oidc:" + (principal.FindFirstValue("sub") ?? "unknown")) };
                if (principal.FindFirstValue(oidc.DepartmentClaim) is { Length: > 0 } code)
                {
                    claims.Add(new Claim(AccessClaims.CreditCode, code));
                }

                // Citizens and companies sign in on the platform with real-name verification; it states whose certificates they hold.
                if (principal.FindFirstValue(oidc.HolderClaim) is { Length: > 0 } holder)
                {
                    claims.Add(new Claim(AccessClaims.HolderCode, holder));
                }

                if (principal.FindAll("roles").Concat(principal.FindAll("role")).Any(r => r.Value == oidc.AdminRole))
                {
                    claims.Add(new Claim(AccessClaims.Admin, "true"));
                }

                principal.AddIdentity(new ClaimsIdentity(claims, "TrustLedger"));
                return Task.CompletedTask;
            },
        };
    }
}
