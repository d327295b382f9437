using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class ContractDeployerTests_Anvil(AnvilNode anvil) : ContractDeployerTests(anvil);

/// <summary>The same tests through the Besu-rules proxy.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class ContractDeployerTests_BesuRules(BesuLikeNode anvil) : ContractDeployerTests(anvil);

public abstract class ContractDeployerTests(AnvilNode anvil)
{
    [Fact]
    public async Task A_second_run_reuses_the_live_deployment()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);

        var (record, reused) = await new ContractDeployer(admin, anvil.Chain).EnsureDeployedAsync(anvil.DeploymentFile);

        Assert.True(reused);
        Assert.Equal(anvil.Deployment, record);
    }

    [Fact]
    public async Task A_record_from_another_chain_is_replaced_by_a_fresh_deployment()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var path = Path.Combine(Path.GetTempPath(), $"deployment-{Guid.NewGuid():N}.json");
        (anvil.Deployment with { GenesisHash = "0x" + new string('1', 64) }).Save(path);
        try
        {
            var (record, reused) = await new ContractDeployer(admin, anvil.Chain).EnsureDeployedAsync(path);

            Assert.False(reused);
            Assert.NotEqual(anvil.Deployment.CertificateAnchor, record.CertificateAnchor);
            Assert.True(await anvil.Chain.HasCodeAsync(record.CertificateAnchor));
            Assert.Equal(record, DeploymentRecord.Load(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
