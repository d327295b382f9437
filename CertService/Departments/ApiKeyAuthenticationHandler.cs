using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TrustLedger.CertService.Storage;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.CertService.Departments;

/// <summary>
/// System-to-system authentication by an <c>X-Api-Key</c> header. The key's hash is looked up on
/// every request, so a revoked key stops working at once, on every instance.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(Header, out var values) || string.IsNullOrWhiteSpace(values.ToString()))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = ApiKeys.Hash(values.ToString());
        var adminHash = access.Value.AdminApiKeySha256;
        if (adminHash.Length > 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(adminHash.ToLowerInvariant())))
        {
            return Success([new Claim(AccessClaims.Admin, "true"), new Claim(AccessClaims.ActorClaim, "admin-api-key")]);
        }

        var verifierHash = access.Value.VerifierApiKeySha256;
        if (verifierHash.Length > 0 && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
                System.Text.Encoding.ASCII.GetBytes(hash), System.Text.Encoding.ASCII.GetBytes(verifierHash.ToLowerInvariant())))
        {
            return Success([new Claim(AccessClaims.VerifierService, "true"), new Claim(AccessClaims.ActorClaim, "verifier-service")]);
        }

        var store = Context.RequestServices.GetRequiredService<CertificateStore>();
        var key = await store.FindActiveApiKeyAsync(hash, Context.RequestAborted);
        if (key is null)
        {
            var agency = await store.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.ApiKeyHash == hash, Context.RequestAborted);
            return agency is null
                ? AuthenticateResult.Fail("unknown or revoked API key")
                : Success([new Claim(AccessClaims.AgencyCode, agency.Code), new Claim(AccessClaims.ActorClaim, $"agency:{agency.Code}")]);
        }

        return Success([new Claim(AccessClaims.CreditCode, key.DepartmentCode), new Claim(AccessClaims.ActorClaim, $"api-key:{key.Prefix}")]);
    }

    private static AuthenticateResult Success(Claim[] claims) =>
        AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = $"{SchemeName}, Bearer";
        await ProblemCatalog.Unauthenticated.Result(
            $"请在 {Header} 头中提供部门 API 密钥，或提供身份平台签发的 Bearer 令牌。",
            $"Send a department API key in the {Header} header or a bearer token from the identity platform.").ExecuteAsync(Context);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await ProblemCatalog.Forbidden.Result("您的凭据不允许执行此操作。", "Your credential does not allow this action.").ExecuteAsync(Context);
    }
}
