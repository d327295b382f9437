using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Deployer;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

public sealed class AnchoringRefusalTests_Sqlite(AnvilNode anvil) : AnchoringRefusalTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class AnchoringRefusalTests_Postgres(AnvilNode anvil) : AnchoringRefusalTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

/// <summary>
/// Refusals the chain will repeat refuse a batch for good; refusals that pass with time (a suspended
/// department) leave it waiting; and an anchor some other account makes of our root is not ours.
/// </summary>
public abstract class AnchoringRefusalTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{
    [Fact]
    public async Task A_batch_of_a_department_suspended_on_chain_waits_and_is_anchored_once_the_department_is_restored()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.SetDepartmentActiveAsync(TestDepartments.Demo.Key.Address, false))).Succeeded);
        try
        {
            await RoundAsync();

            Assert.Equal("pending", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
            var batch = await Service.WithStoreAsync(s => s.Batches.AsNoTracking().SingleAsync());
            Assert.Equal(AnchorBatchState.Prepared, batch.State);
            Assert.Contains("TypeNotGranted", batch.LastFailure, StringComparison.Ordinal);
        }
        finally
        {
            Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.SetDepartmentActiveAsync(TestDepartments.Demo.Key.Address, true))).Succeeded);
        }

        await Service.WithStoreAsync(s => s.Batches.ExecuteUpdateAsync(u => u.SetProperty(b => b.RetryAfter, (DateTimeOffset?)null)));
        await RoundAsync();

        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
    }

    [Fact]
    public async Task Another_department_anchoring_a_copy_of_our_root_first_does_not_take_our_batch_over()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        await Service.SealDocumentsAsync();
        AnchorBatchRecord prepared;
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            prepared = (await scope.ServiceProvider.GetRequiredService<BatchPreparer>().PrepareAsync(TestDepartments.Demo.CreditCode, "SM3", CancellationToken.None))!;
        }

        // The other department copies the root from the pool and gets in first, with another leaf count.
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Other.Key.Address, DemoDepartment.BusinessLicenceType))).Succeeded);
        using (var copier = Anvil.NewSender(TestDepartments.Other.Key))
        {
            Assert.True((await Anvil.Anchor.AnchorAsync(copier, prepared.Root, 99, TrustLedger.Ledger.Hashing.HashAlgorithmId.Sm3, [DemoDepartment.BusinessLicenceType])).Succeeded);
        }

        await RoundAsync();

        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
        var ours = await Anvil.Anchor.GetAnchorAsync(TestDepartments.Demo.Key.Address, prepared.Root);
        Assert.Equal((uint)prepared.LeafCount, ours!.LeafCount);
        var batch = await Service.WithStoreAsync(s => s.Batches.AsNoTracking().SingleAsync(b => b.Id == prepared.Id));
        Assert.Equal((long)ours.BlockNumber, batch.BlockNumber);
    }

    private Task RoundAsync() => Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

    [Fact]
    public async Task When_the_type_is_revoked_before_anchoring_the_chain_refuses_and_the_certificate_says_so()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.RevokeTypeAsync(TestDepartments.Demo.Key.Address, DemoDepartment.BusinessLicenceType))).Succeeded);
        try
        {
            await Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);
        }
        finally
        {
            // The chain is the class's: the other tests need the grant back.
            Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, DemoDepartment.BusinessLicenceType))).Succeeded);
        }

        Assert.Equal("refused", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
        var bundle = await client.GetAsync($"/api/v1/certificates/{id}/bundle");
        Assert.Equal(HttpStatusCode.Conflict, bundle.StatusCode);
        Assert.Contains("TypeNotGranted", await bundle.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_type_revoked_while_a_mixed_batch_waits_refuses_only_its_certificates_and_the_others_are_anchored_in_a_new_batch()
    {
        var otherType = Issuing.ShippedTypeCodes.First(c => c != DemoDepartment.BusinessLicenceType);
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.GrantTypeAsync(TestDepartments.Demo.Key.Address, otherType))).Succeeded);
        using var client = Service.ClientFor(TestDepartments.Demo);
        var kept = await Issuing.IssueAsync(client);
        var lost = await Issuing.IssueAsync(client, Issuing.Sample(otherType));
        await Service.SealDocumentsAsync();
        AnchorBatchRecord mixed;
        await using (var scope = Service.Services.CreateAsyncScope())
        {
            mixed = (await scope.ServiceProvider.GetRequiredService<BatchPreparer>().PrepareAsync(TestDepartments.Demo.CreditCode, "SM3", CancellationToken.None))!;
        }

        Assert.Equal(2, mixed.LeafCount);
        Assert.True((await Anvil.AsGovernanceAdminAsync(a => a.RevokeTypeAsync(TestDepartments.Demo.Key.Address, otherType))).Succeeded);

        await RoundAsync();
        await RoundAsync();

        Assert.Equal("refused", await Issuing.WaitForAnchoringAsync(client, lost, TimeSpan.Zero));
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(client, kept, TimeSpan.Zero));
        var refusedBatch = await Service.WithStoreAsync(s => s.Batches.AsNoTracking().SingleAsync(b => b.Id == mixed.Id));
        Assert.Equal(AnchorBatchState.Refused, refusedBatch.State);
        Assert.Contains("TypeNotGranted", refusedBatch.RefusalReason, StringComparison.Ordinal);
        Assert.Null(await Anvil.Anchor.GetAnchorAsync(TestDepartments.Demo.Key.Address, mixed.Root));

        // The kept certificate is the one leaf of a new root, and its bundle proves against that root.
        var keptRecord = await Service.WithStoreAsync(s => s.Certificates.AsNoTracking().Include(c => c.Batch).SingleAsync(c => c.Id == kept));
        Assert.NotEqual(mixed.Id, keptRecord.BatchId);
        Assert.Equal(1, keptRecord.Batch!.LeafCount);
        Assert.Equal(1u, (await Anvil.Anchor.GetAnchorAsync(TestDepartments.Demo.Key.Address, keptRecord.Batch.Root))!.LeafCount);
        var lostRecord = await Service.WithStoreAsync(s => s.Certificates.AsNoTracking().SingleAsync(c => c.Id == lost));
        Assert.Equal(mixed.Id, lostRecord.BatchId);
        var bundle = await client.GetAsync($"/api/v1/certificates/{kept}/bundle");
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
    }
}
