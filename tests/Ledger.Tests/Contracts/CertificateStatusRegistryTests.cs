using System.Security.Cryptography;
using Nethereum.Contracts;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class CertificateStatusRegistryTests_Anvil(AnvilNode anvil) : CertificateStatusRegistryTests(anvil);

/// <summary>The same tests through the Besu-rules proxy.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class CertificateStatusRegistryTests_BesuRules(BesuLikeNode anvil) : CertificateStatusRegistryTests(anvil);

public abstract class CertificateStatusRegistryTests(AnvilNode anvil) : IAsyncLifetime
{
    private readonly SigningKey _issuer = new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
    private readonly SigningKey _third = new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

    private CertificateStatusClient Status => new(anvil.Chain.Web3, anvil.Deployment.CertificateStatus!);

    public async Task InitializeAsync()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var seeder = new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc));
        await seeder.EnsureDepartmentAsync(_issuer.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "状态测试部门", []);
        await seeder.EnsureDepartmentAsync(_third.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "第三方部门", []);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_history_under_the_issuers_account_keeps_reason_effective_time_and_block()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);

        var outcome = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended, reason: 4)]);

        Assert.True(outcome.Succeeded, outcome.Revert?.Description);
        var history = await Status.GetHistoryAsync(_issuer.Address, key);
        Assert.Equal(_issuer.Address, history.Issuer, ignoreCase: true);
        var change = Assert.Single(history.Changes);
        Assert.Equal(CertificateLifecycle.Suspended, change.Status);
        Assert.Equal(4, change.Reason);
        Assert.Equal(outcome.BlockNumber, change.BlockNumber);
        Assert.Null((await Status.GetHistoryAsync(_issuer.Address, RandomNumberGenerator.GetBytes(32))).Issuer);
    }

    [Fact]
    public async Task Only_a_suspension_can_be_reinstated_and_revocation_and_supersession_are_final()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var other = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);

        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended)])).Succeeded);
        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Active)])).Succeeded);
        var reinstateActive = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Active)]);
        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Revoked)])).Succeeded);
        var reinstateRevoked = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Active)]);
        var suspendRevoked = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended)]);
        Assert.True((await Status.RecordAsync(issuer, [Change(other, CertificateLifecycle.Superseded)])).Succeeded);
        var revokeSuperseded = await Status.RecordAsync(issuer, [Change(other, CertificateLifecycle.Revoked)]);

        Assert.All([reinstateActive, reinstateRevoked, suspendRevoked, revokeSuperseded], o => Assert.Equal("InvalidTransition", o.Revert?.ErrorName));
        Assert.Equal(
            [CertificateLifecycle.Suspended, CertificateLifecycle.Active, CertificateLifecycle.Revoked],
            (await Status.GetHistoryAsync(_issuer.Address, key)).Changes.Select(c => c.Status));
    }

    [Fact]
    public async Task A_third_department_cannot_touch_another_issuers_history_but_the_governance_registrar_can()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);
        using var third = anvil.NewSender(_third);
        using var governance = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        using var stranger = anvil.NewSender(new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey()));
        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended)])).Succeeded);

        // The third department's write lands in its own history, never in the issuer's.
        var byThird = await Status.RecordAsync(third, [Change(key, CertificateLifecycle.Revoked)]);
        var byStranger = await Status.RecordAsync(stranger, [Change(RandomNumberGenerator.GetBytes(32), CertificateLifecycle.Revoked)]);
        var governanceAsDepartment = await Status.RecordAsync(governance, [Change(key, CertificateLifecycle.Revoked)]);
        var forStranger = await Status.RecordForAsync(governance, stranger.Address, [Change(key, CertificateLifecycle.Revoked)]);
        var registrarByThird = await Status.RecordForAsync(third, _issuer.Address, [Change(key, CertificateLifecycle.Revoked)]);
        var byGovernance = await Status.RecordForAsync(governance, _issuer.Address, [Change(key, CertificateLifecycle.Revoked, reason: 9)]);

        Assert.True(byThird.Succeeded, byThird.Revert?.Description);
        Assert.Equal("NotADepartment", byStranger.Revert?.ErrorName);
        Assert.Equal("NotADepartment", governanceAsDepartment.Revert?.ErrorName);
        Assert.Equal("NotADepartment", forStranger.Revert?.ErrorName);
        Assert.Equal("NotTheRegistrar", registrarByThird.Revert?.ErrorName);
        Assert.True(byGovernance.Succeeded, byGovernance.Revert?.Description);
        var history = await Status.GetHistoryAsync(_issuer.Address, key);
        Assert.Equal([CertificateLifecycle.Suspended, CertificateLifecycle.Revoked], history.Changes.Select(c => c.Status));
        Assert.Equal(9, history.Changes[^1].Reason);
        Assert.Equal([CertificateLifecycle.Revoked], (await Status.GetHistoryAsync(_third.Address, key)).Changes.Select(c => c.Status));
    }

    [Fact]
    public async Task A_change_id_copied_from_the_pool_by_another_department_never_blocks_the_issuers_change()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var id = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);
        using var third = anvil.NewSender(_third);

        // The third department records the issuer's change id first, for a key of its own and for the issuer's key.
        Assert.True((await Status.RecordAsync(third, [Change(RandomNumberGenerator.GetBytes(32), CertificateLifecycle.Suspended, id: id)])).Succeeded);
        Assert.True((await Status.RecordAsync(third, [Change(key, CertificateLifecycle.Suspended, id: RandomNumberGenerator.GetBytes(32))])).Succeeded);
        var ours = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Revoked, id: id)]);

        Assert.True(ours.Succeeded, ours.Revert?.Description);
        Assert.Single(await Status.RecordedByAsync(ours.TransactionHash!));
        Assert.Equal(CertificateLifecycle.Revoked, Assert.Single((await Status.GetHistoryAsync(_issuer.Address, key)).Changes).Status);
        Assert.True(await Status.IsRecordedAsync(_issuer.Address, id));
        Assert.True(await Status.IsRecordedAsync(_third.Address, id));
    }

    [Fact]
    public async Task A_change_asked_for_beyond_the_back_dating_window_is_recorded_at_its_block_with_the_asked_time_kept()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);
        var asked = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeSeconds());

        var outcome = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Revoked, at: asked)]);

        Assert.True(outcome.Succeeded, outcome.Revert?.Description);
        var change = Assert.Single((await Status.GetHistoryAsync(_issuer.Address, key)).Changes);
        Assert.Equal(CertificateLifecycle.Revoked, change.Status);
        Assert.Equal(asked, change.RequestedEffectiveAt);
        Assert.Equal(change.RecordedAt, change.EffectiveAt);
        Assert.True(change.EffectiveLaterThanRequested);
    }

    [Fact]
    public async Task Recorded_effective_times_never_go_backwards_and_a_change_never_overtakes_one_scheduled_after_its_block()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var other = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());

        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended, at: now.AddDays(1))])).Succeeded);
        var afterScheduled = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Revoked, at: now.AddHours(1))]);
        // Two changes in one transaction, the second asked for before the first: it takes effect with the first, not before.
        var inOrder = await Status.RecordAsync(issuer, [Change(other, CertificateLifecycle.Suspended, at: now), Change(other, CertificateLifecycle.Active, at: now.AddMinutes(-10))]);

        Assert.True(afterScheduled.Succeeded, afterScheduled.Revert?.Description);
        var scheduled = (await Status.GetHistoryAsync(_issuer.Address, key)).Changes;
        Assert.Equal(now.AddDays(1), scheduled[1].EffectiveAt);
        Assert.Equal(now.AddHours(1), scheduled[1].RequestedEffectiveAt);
        Assert.True(inOrder.Succeeded, inOrder.Revert?.Description);
        var changes = (await Status.GetHistoryAsync(_issuer.Address, other)).Changes;
        Assert.True(changes[1].EffectiveAt >= changes[0].EffectiveAt);
        Assert.Equal(now.AddMinutes(-10), changes[1].RequestedEffectiveAt);
    }

    [Fact]
    public async Task A_change_is_recorded_once_by_its_id_however_often_it_is_sent()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var id = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);

        var first = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended, id: id)]);
        // Sent again (a crash after mining, a second instance): skipped, not refused as suspended → suspended.
        var again = await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended, id: id), Change(key, CertificateLifecycle.Active)]);
        var zero = await Status.RecordAsync(issuer, [Change(RandomNumberGenerator.GetBytes(32), CertificateLifecycle.Suspended, id: new byte[32])]);

        Assert.True(first.Succeeded && again.Succeeded, again.Revert?.Description);
        var history = await Status.GetHistoryAsync(_issuer.Address, key);
        Assert.Equal([CertificateLifecycle.Suspended, CertificateLifecycle.Active], history.Changes.Select(c => c.Status));
        Assert.Equal(first.BlockNumber, history.Find(id)!.BlockNumber);
        Assert.True(await Status.IsRecordedAsync(_issuer.Address, id));
        Assert.Single(await Status.RecordedByAsync(again.TransactionHash!));
        Assert.Equal("ZeroChangeId", zero.Revert?.ErrorName);
    }

    [Fact]
    public async Task Many_changes_go_in_one_transaction_and_one_invalid_change_refuses_them_all()
    {
        var keys = Enumerable.Range(0, 20).Select(_ => RandomNumberGenerator.GetBytes(32)).ToList();
        using var issuer = anvil.NewSender(_issuer);

        var batch = await Status.RecordAsync(issuer, keys.Select(k => Change(k, CertificateLifecycle.Revoked)).ToList());
        var fresh = RandomNumberGenerator.GetBytes(32);
        var mixed = await Status.RecordAsync(issuer, [Change(fresh, CertificateLifecycle.Suspended), Change(keys[0], CertificateLifecycle.Active)]);

        Assert.True(batch.Succeeded, batch.Revert?.Description);
        foreach (var key in keys)
        {
            Assert.Equal(batch.BlockNumber, Assert.Single((await Status.GetHistoryAsync(_issuer.Address, key)).Changes).BlockNumber);
        }

        Assert.Equal("InvalidTransition", mixed.Revert?.ErrorName);
        Assert.Empty((await Status.GetHistoryAsync(_issuer.Address, fresh)).Changes);
    }

    [Fact]
    public async Task The_status_at_a_time_is_right_on_both_sides_of_each_change()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        using var issuer = anvil.NewSender(_issuer);
        var now = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Suspended, at: now.AddHours(1))])).Succeeded);
        Assert.True((await Status.RecordAsync(issuer, [Change(key, CertificateLifecycle.Revoked, at: now.AddHours(3))])).Succeeded);

        var history = await Status.GetHistoryAsync(_issuer.Address, key);

        Assert.Equal(CertificateLifecycle.Active, history.StatusAt(now.AddHours(1).AddSeconds(-1)));
        Assert.Equal(CertificateLifecycle.Suspended, history.StatusAt(now.AddHours(1)));
        Assert.Equal(CertificateLifecycle.Suspended, history.StatusAt(now.AddHours(3).AddSeconds(-1)));
        Assert.Equal(CertificateLifecycle.Revoked, history.StatusAt(now.AddHours(3)));
        // The contract's own answer agrees with the client's reading of the history.
        foreach (var offset in new[] { 0, 3599, 3600, 10799, 10800 })
        {
            var time = (ulong)now.AddSeconds(offset).ToUnixTimeSeconds();
            var onChain = await anvil.Chain.Web3.Eth.GetContractQueryHandler<StatusAtFunction>()
                .QueryAsync<byte>(anvil.Deployment.CertificateStatus!, new StatusAtFunction { Issuer = _issuer.Address, Key = key, Time = time });
            Assert.Equal((byte)history.StatusAt(now.AddSeconds(offset)), onChain);
        }
    }

    private static LifecycleChangeRequest Change(byte[] key, CertificateLifecycle status, ushort reason = 1, DateTimeOffset? at = null, byte[]? id = null) =>
        new(id ?? RandomNumberGenerator.GetBytes(32), key, status, reason, at ?? DateTimeOffset.UtcNow);
}

[Nethereum.ABI.FunctionEncoding.Attributes.Function("statusAt", "uint8")]
public sealed class StatusAtFunction : FunctionMessage
{
    [Nethereum.ABI.FunctionEncoding.Attributes.Parameter("address", "issuer", 1)]
    public string Issuer { get; set; } = "";

    [Nethereum.ABI.FunctionEncoding.Attributes.Parameter("bytes32", "key", 2)]
    public byte[] Key { get; set; } = [];

    [Nethereum.ABI.FunctionEncoding.Attributes.Parameter("uint64", "time", 3)]
    public ulong Time { get; set; }
}
