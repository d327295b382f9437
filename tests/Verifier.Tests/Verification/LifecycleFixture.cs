using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// A chain, CertService and a Verifier wired to it for QR lookups, a sealed department and three
/// anchored certificates: <see cref="Revoked"/> (revoked after anchoring), <see cref="Valid"/>, and
/// <see cref="Expiring"/> (valid for ten days).
/// </summary>
public sealed class LifecycleFixture : AnvilNode
{
    public CertServiceFactory CertService { get; private set; } = null!;

    public VerifierFactory Verifier { get; private set; } = null!;

    public HttpClient Department { get; private set; } = null!;

    public Certificate Revoked { get; private set; } = null!;

    public Certificate Valid { get; private set; } = null!;

    public Certificate Expiring { get; private set; } = null!;

    /// <summary>When the revocation took effect (whole seconds, as on chain).</summary>
    public DateTimeOffset RevokedAt { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        CertService = new CertServiceFactory(this, TimeSpan.FromHours(1));
        Verifier = new VerifierFactory(this, certService: CertService);
        Department = CertService.ClientFor(TestDepartments.Demo);
        using (var admin = CertService.AdminClient())
        {
            (await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
                new { code = "XA-LIFE-0001", name = "行政审批专用章", type = 1, validFrom = DateTimeOffset.UtcNow.AddDays(-1), validUntil = DateTimeOffset.UtcNow.AddYears(3) })).EnsureSuccessStatusCode();
        }

        var revoked = await Issuing.IssueAsync(Department, Issuing.BusinessLicence("西安吊销测试有限公司"));
        var valid = await Issuing.IssueAsync(Department, Issuing.BusinessLicence("西安有效测试有限公司"));
        var expiring = Issuing.BusinessLicence("西安到期测试有限公司");
        expiring["validUntil"] = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8).AddDays(10)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var expiringId = await Issuing.IssueAsync(Department, expiring);
        await RunRoundAsync();

        // Effective a few seconds after the anchoring block, so that "just before the revocation" is a time it was valid.
        var anchoredAt = DateTimeOffset.FromUnixTimeSeconds((long)(await Chain.GetBlockAsync((await Issuing.BundleAsync(Department, revoked)).Anchor.BlockNumber))!.Timestamp.Value);
        var accepted = await (await Department.PostAsJsonAsync($"/api/v1/certificates/{revoked}/revoke", new { reason = 3, effectiveAt = anchoredAt.AddSeconds(3) })).Content.ReadFromJsonAsync<JsonElement>();
        RevokedAt = accepted.GetProperty("effectiveAt").GetDateTimeOffset();
        // A change is sent once it is due (so a scheduled one never blocks a more urgent one).
        var wait = RevokedAt.AddSeconds(1) - DateTimeOffset.UtcNow;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await RunRoundAsync();

        Revoked = await LoadAsync(revoked);
        Valid = await LoadAsync(valid);
        Expiring = await LoadAsync(expiringId);
    }

    public Task RunRoundAsync() => CertService.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

    private async Task<Certificate> LoadAsync(Guid id)
    {
        var bundle = await Issuing.BundleAsync(Department, id);
        var pdf = await Department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf");
        return new Certificate(id, bundle, pdf, QrPath(bundle));
    }

    // The QR code's path, rebuilt the way CertService prints it (tests of the printed code itself live with the PDF tests).
    private static string QrPath(CertificateBundle bundle)
    {
        var id = Guid.Parse(bundle.Certificate.GetProperty("id").GetString()!);
        return new Uri(TrustLedger.CertService.Documents.VerificationLink.For("http://x", id, Convert.FromHexString(bundle.Salt))).PathAndQuery;
    }

    public override async Task DisposeAsync()
    {
        Department.Dispose();
        CertService.Dispose();
        Verifier.Dispose();
        await base.DisposeAsync();
    }
}

public sealed record Certificate(Guid Id, CertificateBundle Bundle, byte[] Pdf, string QrPath);

/// <summary>One lifecycle chain for the status, page and CLI tests: setting it up costs a revocation and a wait.</summary>
[CollectionDefinition(Name)]
public sealed class LifecycleChain : ICollectionFixture<LifecycleFixture>
{
    public const string Name = "lifecycle";
}
