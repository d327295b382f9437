using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Nethereum.Contracts;
using TrustLedger.CertService.Anchoring;
using TrustLedger.CertService.Storage;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.Anchoring;

/// <summary>
/// Anchoring is three steps with a commit between each (prepare, send, record). These tests stop
/// the pipeline between steps, as a crash would, and show a fresh round finishes the work exactly once.
/// </summary>
public sealed class AnchoringRecoveryTests_Sqlite(AnvilNode anvil) : AnchoringRecoveryTests(anvil, StorageProvider.Sqlite), IClassFixture<AnvilNode>;

public sealed class AnchoringRecoveryTests_Postgres(AnvilNode anvil) : AnchoringRecoveryTests(anvil, StorageProvider.Postgres), IClassFixture<AnvilNode>;

public abstract class AnchoringRecoveryTests(AnvilNode anvil, StorageProvider provider) : CertServiceTests(anvil, provider)
{

    [Fact]
    public async Task A_batch_prepared_before_a_crash_is_anchored_by_the_next_round_with_the_same_root()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var ids = new[] { await Issuing.IssueAsync(client), await Issuing.IssueAsync(client) };
        var prepared = await PrepareOnlyAsync();

        await RunRoundAsync();

        var batch = await Service.WithStoreAsync(s => s.Batches.AsNoTracking().SingleAsync(b => b.Id == prepared.Id));
        Assert.Equal(AnchorBatchState.Anchored, batch.State);
        Assert.Equal(prepared.Root, batch.Root);
        Assert.Equal(1, await Service.WithStoreAsync(s => s.Batches.CountAsync()));
        foreach (var id in ids)
        {
            Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
        }
    }

    [Fact]
    public async Task A_root_sent_before_a_crash_is_recorded_from_the_chain_and_never_anchored_twice()
    {
        using var client = Service.ClientFor(TestDepartments.Demo);
        var id = await Issuing.IssueAsync(client);
        var prepared = await PrepareOnlyAsync();
        // The crash happens after the transaction was mined but before the database recorded it.
        using var sender = Anvil.NewSender(TestDepartments.Demo.Key);
        var sent = await Anvil.Anchor.AnchorAsync(sender, prepared.Root, (uint)prepared.LeafCount, HashAlgorithmId.Sm3, [prepared.TypeCodes]);
        Assert.True(sent.Succeeded);
        var anchorsBefore = await AnchorCountAsync();

        await RunRoundAsync();

        var batch = await Service.WithStoreAsync(s => s.Batches.AsNoTracking().SingleAsync(b => b.Id == prepared.Id));
        Assert.Equal(AnchorBatchState.Anchored, batch.State);
        Assert.Equal(sent.TransactionHash, batch.TransactionHash);
        Assert.Equal((long)sent.BlockNumber!.Value, batch.BlockNumber);
        Assert.Equal(anchorsBefore, await AnchorCountAsync());
        Assert.Equal("anchored", await Issuing.WaitForAnchoringAsync(client, id, TimeSpan.Zero));
    }

    [Fact]
    public async Task Rounds_with_nothing_pending_change_nothing()
    {
        var anchorsBefore = await AnchorCountAsync();

        await RunRoundAsync();
        await RunRoundAsync();

        Assert.Equal(anchorsBefore, await AnchorCountAsync());
    }

    private async Task<AnchorBatchRecord> PrepareOnlyAsync()
    {
        await Service.SealDocumentsAsync();
        await using var scope = Service.Services.CreateAsyncScope();
        var preparer = scope.ServiceProvider.GetRequiredService<BatchPreparer>();
        return (await preparer.PrepareAsync(TestDepartments.Demo.CreditCode, "SM3", CancellationToken.None))!;
    }

    private Task RunRoundAsync() => Service.Services.GetRequiredService<AnchoringPipeline>().RunRoundAsync(CancellationToken.None);

    private async Task<System.Numerics.BigInteger> AnchorCountAsync() =>
        await Anvil.Chain.Web3.Eth.GetContractQueryHandler<AnchorCountFunction>().QueryAsync<System.Numerics.BigInteger>(Anvil.Deployment.CertificateAnchor, new AnchorCountFunction());

}

[Nethereum.ABI.FunctionEncoding.Attributes.Function("anchorCount", "uint256")]
public sealed class AnchorCountFunction : FunctionMessage;
