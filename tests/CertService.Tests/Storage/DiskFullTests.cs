using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Storage;
using TrustLedger.ServiceDefaults;

namespace TrustLedger.Tests.CertService.Storage;

/// <summary>A full disk is the service's trouble, not the caller's and not a crash: 503 storage-unavailable with Retry-After.</summary>
public sealed class DiskFullTests
{
    public static TheoryData<string> Faults => new() { "enospc", "edquot", "sqlite-full", "not-disk" };

    [Theory]
    [MemberData(nameof(Faults))]
    public async Task A_full_disk_is_503_storage_unavailable_and_any_other_IO_error_stays_a_generic_500(string fault)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.AddTrustLedgerServiceDefaults();
        builder.Services.AddExceptionHandler<DiskFullProblemHandler>();
        await using var app = builder.Build();
        app.UseTrustLedgerServiceDefaults();
        app.MapGet("/write", string () => throw fault switch
        {
            "enospc" => new IOException("No space left on device : '/srv/datasets/x.leaves'", 28),
            "edquot" => new IOException("Disk quota exceeded", 122),
            "sqlite-full" => new SqliteException("database or disk is full", 13),
            _ => new IOException("Input/output error", 5),
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        var response = await client.GetAsync("/write");
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        if (fault == "not-disk")
        {
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
            Assert.Equal("internal-error", problem.GetProperty("code").GetString());
            return;
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("storage-unavailable", problem.GetProperty("code").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("/srv", problem.GetRawText(), StringComparison.Ordinal);
    }
}
