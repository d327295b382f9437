using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.Tests.Verifier.Hosting;

/// <summary>
/// What both services get from ServiceDefaults when something goes wrong that no handler expected:
/// one generic bilingual 500 problem with a trace id, naming nothing of the exception; and the
/// anonymous rate limit's 429 with Retry-After, on a host built exactly as the services build theirs.
/// </summary>
public sealed class ServiceDefaultsTests
{
    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task An_unexpected_exception_is_a_generic_500_problem_with_a_trace_id_and_nothing_of_the_exception(string environment)
    {
        await using var app = await StartAsync(environment, new Dictionary<string, string?>());
        using var client = app.GetTestClient();

        var response = await client.GetAsync("/boom");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        var problem = JsonDocument.Parse(text).RootElement;
        Assert.Equal("internal-error", problem.GetProperty("code").GetString());
        Assert.Contains("服务内部错误", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("Internal error", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("traceId").GetString()));
        Assert.DoesNotContain("InvalidOperationException", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/srv/secret", text, StringComparison.Ordinal);
        Assert.DoesNotContain("at TrustLedger", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Over_the_anonymous_limit_a_caller_gets_429_with_Retry_After_and_other_endpoints_stay_open()
    {
        await using var app = await StartAsync("Production", new Dictionary<string, string?>
        {
            ["RateLimits:Anonymous:PermitLimit"] = "3",
            ["RateLimits:Anonymous:WindowSeconds"] = "600",
        });
        using var client = app.GetTestClient();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/limited")).StatusCode);
        }

        var refused = await client.GetAsync("/limited");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var retryAfter = int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 600);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("too-many-requests", problem.GetProperty("code").GetString());
        Assert.Contains("请求过于频繁", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, app.Services.GetRequiredService<Counter>().Past(3));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task A_limit_below_one_is_refused_at_start()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync("Production", new Dictionary<string, string?> { ["RateLimits:Anonymous:PermitLimit"] = "0" }));
        Assert.Contains("RateLimits:Anonymous", error.Message, StringComparison.Ordinal);
    }

    private static async Task<WebApplication> StartAsync(string environment, Dictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        builder.WebHost.UseTestServer();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddTrustLedgerServiceDefaults();
        builder.Services.AddSingleton<Counter>();
        var app = builder.Build();
        app.UseTrustLedgerServiceDefaults();
        app.MapGet("/boom", string () => throw new InvalidOperationException("disk /srv/secret/keys unreadable"));
        app.MapGet("/limited", (Counter counter) => counter.Hit()).RequireAnonymousRateLimit();
        await app.StartAsync();
        return app;
    }

    /// <summary>Counts the requests that reached the endpoint: a refused one must do no work.</summary>
    private sealed class Counter
    {
        private int _hits;

        public IResult Hit()
        {
            Interlocked.Increment(ref _hits);
            return Results.Ok();
        }

        public int Past(int limit) => Math.Max(0, _hits - limit);
    }
}
