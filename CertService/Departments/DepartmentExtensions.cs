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
            .AddPolicy(AccessClaims.VerifierPolicy, policy => policy.RequireClaim(AccessClaims.VerifierService, "true"))
            .AddPolicy(AccessClaims.CatalogReadPolicy, policy => policy.RequireAssertion(context =>
                context.User.HasClaim(c => c.Type == AccessClaims.CreditCode) || context.User.HasClaim(AccessClaims.Admin, "true") || context.User.HasClaim(AccessClaims.Auditor, "true")))
            .AddPolicy(AccessClaims.AuditReadPolicy, policy => policy.RequireAssertion(context =>
                context.User.HasClaim(AccessClaims.Admin, "true") || context.User.HasClaim(AccessClaims.Auditor, "true")));
        return builder;
    }

    /// <summary>Clock skew tolerated on token lifetimes: one minute, no more.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Bearer tokens. With <c>Authority</c> (the platform's OIDC discovery document and JWKS): RS256 or
    /// ES256 only, keys refreshed when a token names one not seen yet (rotation). With a shared
    /// <c>SigningKey</c> and no authority: HS256 only. Either way: issuer, lifetime (60 s skew) and one
    /// of the three audiences are required, and the audience decides what a token may say: a department
    /// token (<c>Audience</c>) its credit code and the admin role, a holder token (<c>HolderAudience</c>)
    /// its holder code, an auditor token (<c>AuditorAudience</c>) only that it is an auditor's; no kind
    /// of token can ever act as another.
    /// </summary>
    private static void ConfigureJwt(JwtBearerOptions jwt, OidcOptions oidc)
    {
        jwt.MapInboundClaims = false;
        var federated = !string.IsNullOrEmpty(oidc.Authority);
        if (federated)
        {
            jwt.Authority = oidc.Authority;
            // Discovery over plain HTTP only from this machine (tests, a sidecar); anywhere else it must be HTTPS.
            jwt.RequireHttpsMetadata = !(Uri.TryCreate(oidc.Authority, UriKind.Absolute, out var authority) && authority.IsLoopback);
            jwt.RefreshOnIssuerKeyNotFound = true;
            jwt.ConfigurationManager = new PlatformKeys(
                oidc.Authority.TrimEnd('/') + "/.well-known/openid-configuration", jwt.RequireHttpsMetadata, oidc.JwksRefreshInterval, TimeProvider.System);
        }

        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidIssuer = string.IsNullOrEmpty(oidc.Issuer) ? oidc.Authority : oidc.Issuer,
            ValidateAudience = true,
            // An audience left empty is a kind of token turned off.
            ValidAudiences = new[] { oidc.Audience, oidc.HolderAudience, oidc.AuditorAudience }.Where(a => !string.IsNullOrEmpty(a)).ToArray(),
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = ClockSkew,
            ValidAlgorithms = federated ? [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256] : [SecurityAlgorithms.HmacSha256],
            // Without a configured platform no token can validate: the random key exists only to refuse.
            IssuerSigningKey = federated ? null : new SymmetricSecurityKey(string.IsNullOrEmpty(oidc.SigningKey)
                ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)
                : Convert.FromBase64String(oidc.SigningKey)),
        };
        jwt.Events = new JwtBearerEvents
        {
            OnTokenValidated = context =>
            {
                // Only TrustLedger's own claims, mapped by audience, make the principal: a token's raw claims
                // (a "trustledger:admin" a platform let a client set, say) never meet a policy.
                if (Map(context.Principal!, oidc) is { } mapped)
                {
                    context.Principal = mapped;
                }
                else
                {
                    context.Fail("a token is for departments or for holders, not both");
                }

                return Task.CompletedTask;
            },
            // A key the platform rotated in: read its JWKS now (PlatformKeys awaits the fetch) and validate
            // again, so the first request signed with the new key is not the one refused.
            OnAuthenticationFailed = async context =>
            {
                if (context.Exception is not SecurityTokenSignatureKeyNotFoundException || context.Options.ConfigurationManager is not { } manager
                    || !context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                {
                    // Anything else (the platform unreachable, a malformed token) is a refusal (401), never an exception out of the handler.
                    context.Fail(context.Exception.GetType().Name);
                    return;
                }

                manager.RequestRefresh();
                Microsoft.IdentityModel.Protocols.OpenIdConnect.OpenIdConnectConfiguration configuration;
                try
                {
                    configuration = await manager.GetConfigurationAsync(context.HttpContext.RequestAborted);
                }
                catch (Exception e) when (e is InvalidOperationException or IOException or HttpRequestException or TaskCanceledException)
                {
                    context.Fail("the identity platform is unreachable"); // 401, nothing else happens
                    return;
                }

                var parameters = context.Options.TokenValidationParameters.Clone();
                parameters.IssuerSigningKeys = configuration.SigningKeys;
                var token = context.Request.Headers.Authorization.ToString()["Bearer ".Length..].Trim();
                var result = await new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { MapInboundClaims = false }.ValidateTokenAsync(token, parameters);
                if (result.IsValid && Map(new ClaimsPrincipal(result.ClaimsIdentity), oidc) is { } mapped)
                {
                    context.Principal = mapped;
                    context.Success();
                }
                else
                {
                    context.Fail("the token's signing key is not the platform's");
                }
            },
        };
    }

    /// <summary>A principal of TrustLedger's claims only, from a validated token by its audience; null when the token is refused.</summary>
    private static ClaimsPrincipal? Map(ClaimsPrincipal principal, OidcOptions oidc)
    {
        var audiences = principal.FindAll("aud").Select(a => a.Value).ToHashSet(StringComparer.Ordinal);
        var department = audiences.Contains(oidc.Audience);
        var holderToken = audiences.Contains(oidc.HolderAudience);
        var auditor = audiences.Contains(oidc.AuditorAudience);
        if ((department ? 1 : 0) + (holderToken ? 1 : 0) + (auditor ? 1 : 0) != 1)
        {
            // Two audiences at once (or none): no one kind of token, so none at all.
            return null;
        }

        var claims = new List<Claim> { new(AccessClaims.ActorClaim, "oidc:" + (principal.FindFirstValue("sub") ?? "unknown")) };
        if (department && principal.FindFirstValue(oidc.DepartmentClaim) is { Length: > 0 } code)
        {
            claims.Add(new Claim(AccessClaims.CreditCode, code));
        }

        // Citizens and companies sign in on the platform with real-name verification; it states whose certificates they hold.
        if (holderToken && principal.FindFirstValue(oidc.HolderClaim) is { Length: > 0 } holder)
        {
            claims.Add(new Claim(AccessClaims.HolderCode, holder));
        }

        // An auditor reads, given the auditor role as well as the audience; its token carries nothing else, whatever else it claims.
        if (auditor && HasRole(principal, oidc.AuditorRole))
        {
            claims.Add(new Claim(AccessClaims.Auditor, "true"));
        }

        if (department && HasRole(principal, oidc.AdminRole))
        {
            claims.Add(new Claim(AccessClaims.Admin, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "TrustLedger"));
    }

    // Platforms name the claim roles or role.
    private static bool HasRole(ClaimsPrincipal principal, string role) =>
        principal.FindAll("roles").Concat(principal.FindAll("role")).Any(r => r.Value == role);
}
