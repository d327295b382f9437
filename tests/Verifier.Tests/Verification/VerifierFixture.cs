using Microsoft.Extensions.DependencyInjection;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>A chain, the two services, and three certificates anchored in one batch (so proofs have paths).</summary>
public sealed class VerifierFixture : AnvilNode
{
    public CertServiceFactory CertService { get; private set; } = null!;

    public VerifierFactory Verifier { get; private set; } = null!;

    public IReadOnlyList<CertificateBundle> Bundles { get; private set; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        // Anchoring is driven by hand so that the three certificates land in one batch.
        CertService = new CertServiceFactory(this, TimeSpan.FromHours(1));
        Verifier = new VerifierFactory(this);
        using var department = CertService.ClientFor(TestDepartments.Demo);
        var ids = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await Issuing.IssueAsync(department, Issuing.BusinessLicence($"核验测试公司{i}")));
        }

        await CertService.Services.GetRequiredService<CertService.Anchoring.AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        Bundles = await Task.WhenAll(ids.Select(id => Issuing.BundleAsync(department, id)));
    }

    public override async Task DisposeAsync()
    {
        CertService.Dispose();
        Verifier.Dispose();
        await base.DisposeAsync();
    }
}
