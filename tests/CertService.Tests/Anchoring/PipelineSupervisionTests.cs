using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

/// <summary>
/// The pipeline's steps run under supervision: a step that throws on every pass (an exception of a
/// kind no code expects) is retried with backoff, counted and shown, and never stops another step
/// or the service.
/// </summary>
public sealed class PipelineSupervisionTests(AnvilNode anvil) : IClassFixture<AnvilNode>, IDisposable
{
    private readonly CertServiceFactory _service = new(anvil, TimeSpan.FromMilliseconds(200), StorageProvider.Sqlite,
        settings: new Dictionary<string, string> { ["Anchoring:RetryBase"] = "00:00:00.050", ["Anchoring:RetryCap"] = "00:00:00.200" });

    [Fact]
    public async Task A_step_that_always_fails_stops_neither_the_others_nor_the_service_and_health_names_it()
    {
        using var failing = _service.WithWebHostBuilder(b => b.ConfigureServices(s =>
        {
            s.AddScoped<AlwaysFailingStep>();
            s.AddSingleton(new PipelineStepRegistration(AlwaysFailingStep.StepName, typeof(AlwaysFailingStep), o => o.Interval));
        }));
        using var department = failing.CreateClient();
        department.DefaultRequestHeaders.Add("X-Api-Key", await ApiKeyAsync(failing));
        using var anyone = failing.CreateClient();

        var id = await Issuing.IssueAsync(department);

        // The other steps anchor the certificate on their own, while the failing one keeps failing.
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(department, id, TimeSpan.FromSeconds(60)));
        var health = await anyone.GetAsync("/health/pipeline");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var steps = (await health.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("steps").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
        Assert.False(steps[AlwaysFailingStep.StepName].GetProperty("healthy").GetBoolean());
        Assert.True(steps[AlwaysFailingStep.StepName].GetProperty("consecutiveFailures").GetInt32() >= PipelineHealth.DegradedAfter);
        Assert.True(steps[PipelineSteps.Batches].GetProperty("healthy").GetBoolean());
        Assert.DoesNotContain("NotSupportedException", await health.Content.ReadAsStringAsync(), StringComparison.Ordinal); // no error text in public
        using var admin = failing.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", CertServiceFactory.AdminApiKey);
        var detail = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/pipeline");
        var failingDetail = detail.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == AlwaysFailingStep.StepName);
        Assert.Contains("NotSupportedException", failingDetail.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anyone.GetAsync("/health")).StatusCode);
        Assert.False(failing.Services.GetRequiredService<AnchoringPipeline>().StoppedOnFatalError);
    }

    [Fact]
    public async Task The_public_health_view_is_ok_when_every_step_passes()
    {
        using var anyone = _service.CreateClient();
        await _service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

        var health = await anyone.GetFromJsonAsync<JsonElement>("/health/pipeline");

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(PipelineSteps.InRoundOrder.Order(StringComparer.Ordinal), health.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }

    private static async Task<string> ApiKeyAsync(WebApplicationFactory<TrustLedger.CertService.Program> factory)
    {
        using var admin = factory.CreateClient();
        admin.DefaultRequestHeaders.Add("X-Api-Key", CertServiceFactory.AdminApiKey);
        (await admin.PostAsJsonAsync("/api/v1/admin/departments", new { creditCode = TestDepartments.Demo.CreditCode, name = TestDepartments.Demo.Name })).EnsureSuccessStatusCode();
        var created = await admin.PostAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/api-keys", null);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("key").GetString()!;
    }

    public void Dispose() => _service.Dispose();

    /// <summary>A step that throws what nobody catches on purpose.</summary>
    private sealed class AlwaysFailingStep : IPipelineStep
    {
        public const string StepName = "always-failing";

        public string Name => StepName;

        public Task<StepPass> RunAsync(CancellationToken cancellationToken) => throw new NotSupportedException("a failure of a kind no step expects");
    }
}
