using System.Security.Cryptography;
using Nethereum.Contracts;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class DataRegistryTests_Anvil(AnvilNode anvil) : DataRegistryTests(anvil);

/// <summary>The same tests through the Besu-rules proxy.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class DataRegistryTests_BesuRules(BesuLikeNode anvil) : DataRegistryTests(anvil);

public abstract class DataRegistryTests(AnvilNode anvil) : IAsyncLifetime
{
    private readonly SigningKey _source = new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
    private readonly SigningKey _other = new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
    private readonly string _resource = "XA-DATA-" + RandomNumberGenerator.GetHexString(6);

    private DataRegistryClient Data => new(anvil.Chain.Web3, anvil.Deployment.DataRegistry!);

    public async Task InitializeAsync()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var seeder = new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc));
        await seeder.EnsureDepartmentAsync(_source.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "数据源部门", []);
        await seeder.EnsureDepartmentAsync(_other.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "其他部门", []);
        Assert.True((await Data.AnchorCatalogEntryAsync(admin, _resource, _source.Address, RandomNumberGenerator.GetBytes(32), 1)).Succeeded);
        Assert.True((await Data.SetFieldSourcesAsync(admin, _resource, [("companyName", _source.Address), ("taxStatus", _other.Address)])).Succeeded);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task The_source_publishes_versions_in_order_and_the_chain_keeps_root_rows_and_schema()
    {
        using var source = anvil.NewSender(_source);
        var root = RandomNumberGenerator.GetBytes(32);
        var schema = RandomNumberGenerator.GetBytes(32);

        var first = await Data.PublishVersionAsync(source, _resource, 1, root, 1_000_000, schema, HashAlgorithmId.Sm3, ["companyName"]);
        var skipped = await Data.PublishVersionAsync(source, _resource, 3, RandomNumberGenerator.GetBytes(32), 5, schema, HashAlgorithmId.Sm3, []);

        Assert.True(first.Succeeded, first.Revert?.Description);
        Assert.Equal("VersionOutOfOrder", skipped.Revert?.ErrorName);
        var version = await Data.GetVersionAsync(_resource, 1);
        Assert.NotNull(version);
        Assert.Equal(root, version.Root);
        Assert.Equal(1_000_000ul, version.RowCount);
        Assert.Equal(schema, version.SchemaHash);
        Assert.Equal(1u, (await Data.GetResourceAsync(_resource))!.LatestVersion);
    }

    [Fact]
    public async Task A_department_that_is_not_the_source_cannot_publish_nor_claim_another_departments_field()
    {
        using var source = anvil.NewSender(_source);
        using var other = anvil.NewSender(_other);
        var next = (await Data.GetResourceAsync(_resource))!.LatestVersion + 1;

        var byOther = await other.SendAsync(new PublishVersionFunction
        {
            ResourceId = DataRegistryClient.ResourceIdOf(_resource), Version = next, Root = RandomNumberGenerator.GetBytes(32), RowCount = 1,
            SchemaHash = new byte[32], HashAlgorithm = 1,
        }.CreateTransactionInput(anvil.Deployment.DataRegistry!));
        var claimsTax = await Data.PublishVersionAsync(source, _resource, next, RandomNumberGenerator.GetBytes(32), 1, new byte[32], HashAlgorithmId.Sm3, ["taxStatus"]);
        var notRegistrar = await Data.AnchorCatalogEntryAsync(source, _resource, _source.Address, new byte[32], 99);

        Assert.Equal("NotTheSource", byOther.Revert?.ErrorName);
        Assert.Equal("NotFieldSource", claimsTax.Revert?.ErrorName);
        Assert.Equal("NotRegistrar", notRegistrar.Revert?.ErrorName);
        Assert.Null(await Data.GetVersionAsync(_resource, next));
    }

    [Fact]
    public async Task Catalog_entries_only_move_forward()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var hash = RandomNumberGenerator.GetBytes(32);

        Assert.True((await Data.AnchorCatalogEntryAsync(admin, _resource, _source.Address, hash, 2)).Succeeded);
        var stale = await Data.AnchorCatalogEntryAsync(admin, _resource, _source.Address, RandomNumberGenerator.GetBytes(32), 2);

        Assert.Equal("CatalogVersionNotNewer", stale.Revert?.ErrorName);
        Assert.Equal(hash, (await Data.GetResourceAsync(_resource))!.CatalogHash);
    }
}
