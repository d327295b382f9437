using TrustLedger.Ledger.Chain;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Crypto;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class SealRegistryTests_Anvil(AnvilNode anvil) : SealRegistryTests(anvil);

/// <summary>The same tests through the Besu-rules proxy.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class SealRegistryTests_BesuRules(BesuLikeNode anvil) : SealRegistryTests(anvil);

public abstract class SealRegistryTests(AnvilNode anvil)
{
    private SealRegistryClient Seals => new(anvil.Chain.Web3, anvil.Deployment.SealRegistry!);

    private static readonly DateTimeOffset From = new(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(8));
    private static readonly DateTimeOffset Until = new(2028, 12, 31, 0, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public async Task A_registered_seal_records_its_key_hash_window_and_owner()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var key = Sm2KeyPair.Generate();
        var code = "61010000" + Guid.NewGuid().ToString("N")[..8];

        var outcome = await Seals.RegisterAsync(admin, code, TestDepartments.Demo.Key.Address, key.PublicKeyBytes, From, Until, 1, "西安市市场监督管理局业务专用章");

        Assert.True(outcome.Succeeded, outcome.Revert?.Description);
        var (seal, status) = (await Seals.GetAsync(code))!.Value;
        Assert.Equal(SealStatus.Active, status);
        Assert.Equal(SealRegistryClient.PublicKeyHashOf(key.PublicKeyBytes), seal.PublicKeyHash);
        Assert.Equal(TestDepartments.Demo.Key.Address, seal.Owner, ignoreCase: true);
        Assert.Equal("西安市市场监督管理局业务专用章", seal.Name);
        Assert.Null(await Seals.GetAsync("never-registered"));
    }

    [Fact]
    public async Task Validity_is_judged_at_the_sealing_block_and_time_and_revocation_is_final()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var code = "61010000" + Guid.NewGuid().ToString("N")[..8];
        var inWindow = new DateTimeOffset(2027, 6, 1, 0, 0, 0, TimeSpan.Zero);
        var registered = await Seals.RegisterAsync(admin, code, TestDepartments.Demo.Key.Address, Sm2KeyPair.Generate().PublicKeyBytes, From, Until, 1, "测试章");
        var suspended = await Seals.SuspendAsync(admin, code, 7);
        var reinstated = await Seals.ReinstateAsync(admin, code);
        var revoked = await Seals.RevokeAsync(admin, code, 9);

        Assert.True(registered.Succeeded && suspended.Succeeded && reinstated.Succeeded && revoked.Succeeded);
        Assert.True(await Seals.WasValidAtAsync(code, registered.BlockNumber!.Value, inWindow));
        Assert.False(await Seals.WasValidAtAsync(code, registered.BlockNumber!.Value, Until.AddDays(1)));
        Assert.False(await Seals.WasValidAtAsync(code, registered.BlockNumber!.Value, From.AddDays(-1)));
        Assert.Equal(SealStatus.Suspended, await Seals.StatusAtAsync(code, suspended.BlockNumber!.Value));
        Assert.True(await Seals.WasValidAtAsync(code, reinstated.BlockNumber!.Value, inWindow));
        Assert.False(await Seals.WasValidAtAsync(code, revoked.BlockNumber!.Value, inWindow));
        Assert.Equal(SealStatus.None, await Seals.StatusAtAsync(code, registered.BlockNumber!.Value - 1));
        Assert.Equal("SealIsRevoked", (await Seals.ReinstateAsync(admin, code)).Revert?.ErrorName);
        Assert.Equal("SealIsRevoked", (await Seals.RevokeAsync(admin, code, 1)).Revert?.ErrorName);
    }

    [Fact]
    public async Task Only_the_governance_admin_registers_seals_and_ids_are_unique()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        using var department = anvil.NewSender(TestDepartments.Demo.Key);
        var code = "61010000" + Guid.NewGuid().ToString("N")[..8];
        var key = Sm2KeyPair.Generate().PublicKeyBytes;

        var byDepartment = await Seals.RegisterAsync(department, code, TestDepartments.Demo.Key.Address, key, From, Until, 1, "自封章");
        var first = await Seals.RegisterAsync(admin, code, TestDepartments.Demo.Key.Address, key, From, Until, 1, "章");
        var again = await Seals.RegisterAsync(admin, code, TestDepartments.Demo.Key.Address, key, From, Until, 1, "章");
        var backwards = await Seals.RegisterAsync(admin, code + "x", TestDepartments.Demo.Key.Address, key, Until, From, 1, "章");

        Assert.Equal("AccessControlUnauthorizedAccount", byDepartment.Revert?.ErrorName);
        Assert.True(first.Succeeded);
        Assert.Equal("SealAlreadyRegistered", again.Revert?.ErrorName);
        Assert.Equal("InvalidValidity", backwards.Revert?.ErrorName);
    }
}
