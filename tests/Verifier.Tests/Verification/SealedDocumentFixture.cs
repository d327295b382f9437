using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Seals;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// A chain, both services, the demo department with a registered seal, two certificates whose
/// PDFs were sealed and a data-only certificate whose data was sealed, anchored by CertService in one batch.
/// </summary>
public sealed class SealedDocumentFixture : AnvilNode
{
    public const string SealCode = "XA-SCJG-PDF-0001";

    public CertServiceFactory CertService { get; private set; } = null!;

    public VerifierFactory Verifier { get; private set; } = null!;

    public IReadOnlyList<(byte[] Pdf, CertificateBundle Bundle)> Documents { get; private set; } = [];

    /// <summary>The data-only certificate (<c>document: none</c>) and its bundle.</summary>
    public (Guid Id, CertificateBundle Bundle) DataOnly { get; private set; }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        CertService = new CertServiceFactory(this, TimeSpan.FromHours(1));
        Verifier = new VerifierFactory(this);
        using var department = CertService.ClientFor(TestDepartments.Demo);
        await CreateSealAsync(SealCode, DateTimeOffset.UtcNow.AddDays(-1));
        var ids = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            ids.Add(await Issuing.IssueAsync(department, Issuing.BusinessLicence($"盖章核验公司{i}")));
        }

        var dataOnly = Issuing.BusinessLicence("数据证照有限公司");
        dataOnly["document"] = "none";
        var dataOnlyId = await Issuing.IssueAsync(department, dataOnly);

        await CertService.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        DataOnly = (dataOnlyId, await Issuing.BundleAsync(department, dataOnlyId));
        var documents = new List<(byte[], CertificateBundle)>();
        foreach (var id in ids)
        {
            documents.Add((await department.GetByteArrayAsync($"/api/v1/certificates/{id}/pdf"), await Issuing.BundleAsync(department, id)));
        }

        Documents = documents;
    }

    /// <summary>Creates and registers a seal of the demo department through the admin API; returns it ready to sign.</summary>
    public async Task<ActiveSeal> CreateSealAsync(string code, DateTimeOffset validFrom, string suite = TrustLedger.Ledger.Crypto.SealKeyPair.Sm2Sm3)
    {
        using var admin = CertService.AdminClient();
        var response = await admin.PostAsJsonAsync($"/api/v1/admin/departments/{TestDepartments.Demo.CreditCode}/seals",
            new { code, name = "行政审批专用章", type = 1, validFrom, validUntil = validFrom.AddYears(3), suite });
        response.EnsureSuccessStatusCode();
        var key = (await CertService.Services.GetRequiredService<SealKeys>().FindAsync(code, suite, CancellationToken.None))!;
        var record = await CertService.WithStoreAsync(store => Task.FromResult(store.Seals.Single(s => s.Code == code)));
        return new ActiveSeal(code, key, new Org.BouncyCastle.X509.X509Certificate(record.Certificate));
    }

    public override async Task DisposeAsync()
    {
        CertService.Dispose();
        Verifier.Dispose();
        await base.DisposeAsync();
    }
}
