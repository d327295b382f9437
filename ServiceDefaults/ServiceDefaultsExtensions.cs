using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace TrustLedger.ServiceDefaults;

/// <summary>What every TrustLedger HTTP service has: RFC 9457 problems for every error, a rate limit for anonymous callers, a clock, OpenAPI.</summary>
public static class ServiceDefaultsExtensions
{
    public static WebApplicationBuilder AddTrustLedgerServiceDefaults(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemCatalog.Apply);
        builder.Services.AddExceptionHandler<BadRequestProblemHandler>();
        builder.Services.AddExceptionHandler<InvalidJsonProblemHandler>();
        builder.Services.AddExceptionHandler<ChainUnavailableProblemHandler>();
        // Bad bodies always throw so that BadRequestProblemHandler can name the field (the default
        // throws only in Development and otherwise answers 400 with no detail).
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
            // A member given twice has no one meaning (and no canonical form): refused at binding, with its path.
            o.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddAnonymousRateLimit(builder.Configuration);
        builder.Services.AddOpenApi();
        return builder;
    }

    public static WebApplication UseTrustLedgerServiceDefaults(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        // Every 503, whoever wrote it (an outage handler, an endpoint, the health check), tells the caller when to come back.
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var response = (HttpResponse)state;
                if (response.StatusCode == StatusCodes.Status503ServiceUnavailable && !response.Headers.ContainsKey("Retry-After"))
                {
                    response.Headers.RetryAfter = UnavailableProblemHandler.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapOpenApi();
        app.MapGet("/health", () => TypedResults.Ok(new { status = "ok" })).ExcludeFromDescription();
        return app;
    }
}
