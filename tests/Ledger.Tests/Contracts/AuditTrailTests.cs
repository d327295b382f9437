using System.Security.Cryptography;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class AuditTrailTests_Anvil(AnvilNode anvil) : AuditTrailTests(anvil);

/// <summary>The same tests through the Besu-rules proxy.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class AuditTrailTests_BesuRules(BesuLikeNode anvil) : AuditTrailTests(anvil);

public abstract class AuditTrailTests(AnvilNode anvil)
{
    private AuditTrailClient Trail => new(anvil.Chain.Web3, anvil.Deployment.AuditTrail!);

    [Fact]
    public async Task The_recorder_anchors_a_trail_root_and_the_chain_records_its_kind_count_and_block()
    {
        using var governance = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var root = RandomNumberGenerator.GetBytes(32);

        var outcome = await Trail.AnchorAsync(governance, root, "trustledger.sharing.v1", 7, HashAlgorithmId.Sm3);

        Assert.True(outcome.Succeeded, outcome.Revert?.Description);
        var entry = await Trail.GetAsync(root);
        Assert.NotNull(entry);
        Assert.Equal(AuditTrailClient.KindOf("trustledger.sharing.v1"), entry.Kind);
        Assert.Equal(7u, entry.Count);
        Assert.Equal(outcome.BlockNumber, entry.BlockNumber);
        Assert.Equal(DevelopmentKeys.GovernanceAdmin.Address, entry.Recorder, ignoreCase: true);
    }

    [Fact]
    public async Task A_department_account_cannot_write_to_the_trail_and_a_root_is_anchored_only_once()
    {
        using var department = anvil.NewSender(TestDepartments.Demo.Key);
        using var governance = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var root = RandomNumberGenerator.GetBytes(32);

        var refused = await Trail.AnchorAsync(department, root, "trustledger.sharing.v1", 1, HashAlgorithmId.Sm3);
        Assert.True((await Trail.AnchorAsync(governance, root, "trustledger.sharing.v1", 1, HashAlgorithmId.Sm3)).Succeeded);
        var again = await Trail.AnchorAsync(governance, root, "trustledger.sharing.v1", 1, HashAlgorithmId.Sm3);

        Assert.Equal("AccessControlUnauthorizedAccount", refused.Revert?.ErrorName);
        Assert.Equal("RootAlreadyAnchored", again.Revert?.ErrorName);
    }

    [Fact]
    public async Task An_empty_trail_or_a_zero_root_is_refused()
    {
        using var governance = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);

        var empty = await Trail.AnchorAsync(governance, RandomNumberGenerator.GetBytes(32), "trustledger.sharing.v1", 0, HashAlgorithmId.Sm3);
        var zero = await Trail.AnchorAsync(governance, new byte[32], "trustledger.sharing.v1", 1, HashAlgorithmId.Sm3);

        Assert.Equal("EmptyTrail", empty.Revert?.ErrorName);
        Assert.Equal("ZeroRoot", zero.Revert?.ErrorName);
    }
}
