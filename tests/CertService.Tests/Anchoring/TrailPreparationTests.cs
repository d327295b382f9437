using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Anchoring.Pipeline;
using TrustLedger.CertService.Sharing;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

public sealed class TrailPreparationTests_Sqlite(AnvilNode anvil) : TrailPreparationTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class TrailPreparationTests_Postgres(AnvilNode anvil) : TrailPreparationTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>Trail lines get their place in a tree committed before its root is sent, so a crash in between resumes with the same root.</summary>
public abstract class TrailPreparationTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    [Fact]
    public async Task Lines_prepared_before_a_crash_are_anchored_under_the_root_they_were_prepared_with_and_no_other()
    {
        var ids = Enumerable.Range(0, 3).Select(_ => Guid.CreateVersion7()).ToList();
        var root = await Service.WithStoreAsync(async s =>
        {
            var lines = ids.Select(id => new SharingEventRecord
            {
                Id = id, GrantId = Guid.NewGuid(), CertificateId = Guid.NewGuid(), AgencyCode = "12610100MB2957025X", Kind = "access", Actor = "test", Detail = "",
                At = DateTimeOffset.UtcNow, EntryHash = RandomNumberGenerator.GetBytes(32),
            }).ToList();
            s.SharingEvents.AddRange(lines);
            // Prepared (place in the tree committed), then the process died before the root was sent.
            TrailRootAnchor.Prepare(lines);
            await s.SaveChangesAsync();
            return lines[0].TrailRoot!;
        });
        // A line accepted after the crash, not yet prepared.
        var later = await Service.WithStoreAsync(async s =>
        {
            var line = new SharingEventRecord
            {
                Id = Guid.CreateVersion7(), GrantId = Guid.NewGuid(), CertificateId = Guid.NewGuid(), AgencyCode = "12610100MB2957025X", Kind = "access", Actor = "test", Detail = "",
                At = DateTimeOffset.UtcNow, EntryHash = RandomNumberGenerator.GetBytes(32),
            };
            s.SharingEvents.Add(line);
            await s.SaveChangesAsync();
            return line.Id;
        });

        var pipeline = Service.Services.GetRequiredService<AnchoringPipeline>();
        await pipeline.RunStepAsync(PipelineSteps.Leases, CancellationToken.None);
        await pipeline.RunStepAsync(PipelineSteps.SharingTrail, CancellationToken.None);

        var stored = await Service.WithStoreAsync(s => s.SharingEvents.AsNoTracking().ToListAsync());
        Assert.All(stored.Where(e => ids.Contains(e.Id)), e => Assert.Equal(root, e.TrailRoot));
        Assert.All(stored, e => Assert.NotNull(e.TrailBlock));
        var trail = new AuditTrailClient(Anvil.Chain.Web3, Anvil.Deployment.AuditTrail!);
        Assert.NotNull(await trail.GetAsync(root));
        var laterRoot = stored.Single(e => e.Id == later).TrailRoot!;
        Assert.NotEqual(Convert.ToHexString(root), Convert.ToHexString(laterRoot));
        Assert.Equal(1, stored.Single(e => e.Id == later).TrailSize);
    }
}
