using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class IssuerRegistryTests_Anvil(AnvilNode anvil) : IssuerRegistryTests(anvil);

/// <summary>The same tests through the Besu-rules proxy.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class IssuerRegistryTests_BesuRules(BesuLikeNode anvil) : IssuerRegistryTests(anvil);

public abstract class IssuerRegistryTests(AnvilNode anvil)
{
    private static SigningKey NewKey() => new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

    [Fact]
    public async Task Authorisation_is_answerable_at_any_past_block()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var registryAdmin = new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry);
        var department = NewKey();
        const string type = "11100000000013338W001";

        var registered = await registryAdmin.RegisterDepartmentAsync(department.Address, "11430000006122244L", "测试部门");
        var granted = await registryAdmin.GrantTypeAsync(department.Address, type);
        var revoked = await registryAdmin.RevokeTypeAsync(department.Address, type);

        Assert.True(registered.Succeeded && granted.Succeeded && revoked.Succeeded);
        Assert.False(await anvil.Registry.WasAuthorisedAtAsync(department.Address, type, registered.BlockNumber!.Value));
        Assert.True(await anvil.Registry.WasAuthorisedAtAsync(department.Address, type, granted.BlockNumber!.Value));
        Assert.False(await anvil.Registry.WasAuthorisedAtAsync(department.Address, type, revoked.BlockNumber!.Value));
        Assert.False(await anvil.Registry.IsAuthorisedAsync(department.Address, type));
        var stored = await anvil.Registry.GetDepartmentAsync(department.Address);
        Assert.Equal("11430000006122244L", stored.CreditCode);
        Assert.Equal("测试部门", stored.Name);
    }

    [Fact]
    public async Task Only_the_governance_admin_may_register_departments()
    {
        using var outsider = anvil.NewSender(NewKey());
        var outcome = await new IssuerRegistryAdmin(outsider, anvil.Deployment.IssuerRegistry)
            .RegisterDepartmentAsync(NewKey().Address, "11100000000013338W", "冒名部门");

        Assert.False(outcome.Succeeded);
        Assert.Equal("AccessControlUnauthorizedAccount", outcome.Revert!.ErrorName);
        Assert.Null(outcome.TransactionHash);
    }

    [Fact]
    public async Task A_credit_code_belongs_to_one_department_only()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var registryAdmin = new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry);
        const string code = "91610000MA6TG8QX2P";
        Assert.True((await registryAdmin.RegisterDepartmentAsync(NewKey().Address, code, "甲")).Succeeded);

        var second = await registryAdmin.RegisterDepartmentAsync(NewKey().Address, code, "乙");

        Assert.Equal("CreditCodeAlreadyRegistered", second.Revert?.ErrorName);
    }
}
