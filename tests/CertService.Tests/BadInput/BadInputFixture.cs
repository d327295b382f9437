using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Storage;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.BadInput;

/// <summary>
/// One CertService (SQLite) on a real Anvil node with something of everything in it: two departments,
/// a certificate of each, a catalog entry and a relying agency, so every path parameter has a real
/// value to be swapped for a hostile one. Anchoring is left off: nothing changes the database but requests.
/// </summary>
public sealed class BadInputFixture : AnvilNode
{
    public const string Resource = "XA-BADINPUT";

    public CertServiceFactory Service { get; private set; } = null!;

    public Guid OwnCertificate { get; private set; }

    /// <summary>A certificate of the other department: the Demo department must never see or change it.</summary>
    public Guid OthersCertificate { get; private set; }

    public HttpClient Demo { get; private set; } = null!;

    public HttpClient Other { get; private set; } = null!;

    public HttpClient Admin { get; private set; } = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        Service = new CertServiceFactory(this, TimeSpan.FromHours(1));
        Demo = Service.ClientFor(TestDepartments.Demo);
        Other = Service.ClientFor(TestDepartments.Other);
        Admin = Service.AdminClient();
        OwnCertificate = await Issuing.IssueAsync(Demo);
        var grant = await Admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Other.CreditCode}/grants", new { typeCode = Issuing.BusinessLicence()["typeCode"]!.GetValue<string>() });
        OthersCertificate = grant.IsSuccessStatusCode ? await Issuing.IssueAsync(Other) : Guid.CreateVersion7();
        var entry = await Admin.PostAsJsonAsync("/api/v1/admin/data/resources", new
        {
            code = Resource, name = "恶意输入测试资源", sourceDepartment = TestDepartments.Demo.CreditCode, updateCycle = "daily", sharingClass = "conditional", openClass = "none",
            fields = new[] { new { name = "creditCode", personal = false }, new { name = "legalRepresentative", personal = true } },
        });
        entry.EnsureSuccessStatusCode();
        // Anchored before any case runs: a round that anchors them later would change the counts a case is judged by.
        await Service.Services.GetRequiredService<TrustLedger.CertService.Anchoring.AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        await Issuing.WaitForAnchoringAsync(Demo, OwnCertificate);
        if (grant.IsSuccessStatusCode)
        {
            await Issuing.WaitForAnchoringAsync(Other, OthersCertificate);
        }
    }

    // The anchoring pipeline's own bookkeeping (its send journal, nonces and account leases), written by its rounds whatever requests do.
    private static readonly HashSet<string> WrittenInTheBackground = new(StringComparer.Ordinal) { "chain_transactions", "chain_accounts", "account_leases" };

    /// <summary>Row counts of every table but the pipeline's bookkeeping: what a refused request must leave exactly as it was.</summary>
    public Task<Dictionary<string, int>> SnapshotAsync() => Service.WithStoreAsync(async store =>
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in store.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct().Where(t => !WrittenInTheBackground.Contains(t)))
        {
            // Table names come from the EF model, never from a request.
#pragma warning disable EF1002
            counts[table] = await store.Database.SqlQueryRaw<int>($"SELECT COUNT(*) AS \"Value\" FROM \"{table}\"").SingleAsync();
#pragma warning restore EF1002
        }

        return counts;
    });

    public override async Task DisposeAsync()
    {
        Demo.Dispose();
        Other.Dispose();
        Admin.Dispose();
        Service.Dispose();
        await base.DisposeAsync();
    }

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
