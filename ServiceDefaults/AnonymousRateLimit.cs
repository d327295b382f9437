using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TrustLedger.ServiceDefaults;

/// <summary>
/// ASP.NET Core's rate limiter on the endpoints anyone may call without credentials (verification,
/// the citizen page and report, open-data proofs): a fixed window of <c>PermitLimit</c> requests per
/// <c>WindowSeconds</c> per client address, configured under <c>RateLimits:Anonymous</c>. A request
/// over the limit does no work: it is answered 429 with a bilingual problem and <c>Retry-After</c>.
/// </summary>
/// <remarks>
/// The address is the connection's own. Behind a reverse proxy, configure ASP.NET Core's forwarded
/// headers for that proxy only; a client-supplied <c>X-Forwarded-For</c> is never trusted here, or
/// every request could claim a fresh address.
/// </remarks>
public static class AnonymousRateLimit
{
    public const string Policy = "anonymous";

    public const string Section = "RateLimits:Anonymous";

    public sealed class Options
    {
        /// <summary>Requests one client address may make in a window.</summary>
        public int PermitLimit { get; set; } = 1200;

        public int WindowSeconds { get; set; } = 60;
    }

    public static IServiceCollection AddAnonymousRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(Section).Get<Options>() ?? new Options();
        if (options.PermitLimit < 1 || options.WindowSeconds < 1)
        {
            throw new InvalidOperationException($"{Section}: PermitLimit and WindowSeconds must be at least 1");
        }

        return services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                PartitionOf(http.Connection.RemoteIpAddress),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = options.PermitLimit, Window = TimeSpan.FromSeconds(options.WindowSeconds), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var http = context.HttpContext;
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)) : options.WindowSeconds;
                http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
                await ProblemResponse.WriteAsync(http.RequestServices.GetRequiredService<IProblemDetailsService>(), http, ProblemCatalog.TooManyRequests,
                    $"此地址在 {options.WindowSeconds} 秒内的请求已达上限 {options.PermitLimit} 次，请 {retryAfter} 秒后重试。",
                    $"This address made {options.PermitLimit} requests in {options.WindowSeconds} s; retry after {retryAfter} s.",
                    new Dictionary<string, object?> { ["retryAfter"] = retryAfter });
            };
        });
    }

    /// <summary>An IPv4 address, or an IPv6 address's /64 (one client can hold a whole /64 and rotate through it).</summary>
    public static string PartitionOf(System.Net.IPAddress? address)
    {
        if (address is null)
        {
            return "local";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        return Convert.ToHexStringLower(bytes, 0, 8) + "::/64";
    }

    /// <summary>Puts the endpoints under the anonymous limit.</summary>
    public static TBuilder RequireAnonymousRateLimit<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.RequireRateLimiting(Policy);
}
