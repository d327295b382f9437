using System.Security.Cryptography;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

[Collection(SharedAnvil.Name)]
public sealed class CertificateAnchorTests_Anvil(AnvilNode anvil) : CertificateAnchorTests(anvil);

/// <summary>The same tests through the Besu-rules proxy (log range limit, allowlist, revert reasons in receipts).</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class CertificateAnchorTests_BesuRules(BesuLikeNode anvil) : CertificateAnchorTests(anvil);

public abstract class CertificateAnchorTests(AnvilNode anvil) : IAsyncLifetime
{
    private const string Type = "11100000000013338W001";
    private readonly SigningKey _department = new(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

    public async Task InitializeAsync()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var code = "1161010000" + RandomNumberGenerator.GetHexString(8);
        await new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc))
            .EnsureDepartmentAsync(_department.Address, code, "锚定测试部门", [Type]);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task An_authorised_department_anchors_a_root_and_the_chain_records_who_when_and_how_many()
    {
        using var sender = anvil.NewSender(_department);
        var root = RandomNumberGenerator.GetBytes(32);

        var outcome = await anvil.Anchor.AnchorAsync(sender, root, 42, HashAlgorithmId.Sm3, [Type]);

        Assert.True(outcome.Succeeded, outcome.Revert?.Description);
        var anchor = await anvil.Anchor.GetAnchorAsync(_department.Address, root);
        Assert.NotNull(anchor);
        Assert.Equal(_department.Address, anchor.Issuer, ignoreCase: true);
        Assert.Equal(outcome.BlockNumber, anchor.BlockNumber);
        Assert.Equal(42u, anchor.LeafCount);
        Assert.Equal((byte)HashAlgorithmId.Sm3, anchor.HashAlgorithm);
        var block = await anvil.Chain.GetBlockAsync(anchor.BlockNumber);
        Assert.Equal((ulong)block!.Timestamp.Value, anchor.Timestamp);
    }

    [Fact]
    public async Task A_root_is_anchored_once()
    {
        using var sender = anvil.NewSender(_department);
        var root = RandomNumberGenerator.GetBytes(32);
        Assert.True((await anvil.Anchor.AnchorAsync(sender, root, 1, HashAlgorithmId.Sm3, [Type])).Succeeded);

        var again = await anvil.Anchor.AnchorAsync(sender, root, 1, HashAlgorithmId.Sm3, [Type]);

        Assert.Equal("RootAlreadyAnchored", again.Revert?.ErrorName);
    }

    [Fact]
    public async Task The_chain_refuses_a_type_the_department_does_not_hold_and_an_unregistered_sender()
    {
        using var department = anvil.NewSender(_department);
        using var stranger = anvil.NewSender(new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey()));

        var wrongType = await anvil.Anchor.AnchorAsync(department, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, ["11100000000013338W099"]);
        var unregistered = await anvil.Anchor.AnchorAsync(stranger, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type]);

        Assert.Equal("TypeNotGranted", wrongType.Revert?.ErrorName);
        Assert.Equal("TypeNotGranted", unregistered.Revert?.ErrorName);
    }

    [Fact]
    public async Task Another_department_anchoring_a_copy_of_a_root_gets_an_anchor_of_its_own_and_never_takes_ours()
    {
        var other = new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
        using (var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin))
        {
            // Registered and allowlisted, as onboarding does (a no-op where the node permissions nothing).
            await new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc))
                .EnsureDepartmentAsync(other.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "抄录部门", [Type]);
        }

        using var copier = anvil.NewSender(other);
        using var owner = anvil.NewSender(_department);
        var root = RandomNumberGenerator.GetBytes(32);

        // The copier sees the root in the pool and gets in first, with another leaf count.
        var copied = await anvil.Anchor.AnchorAsync(copier, root, 7, HashAlgorithmId.Sm3, [Type]);
        var ours = await anvil.Anchor.AnchorAsync(owner, root, 1, HashAlgorithmId.Sm3, [Type]);

        Assert.True(copied.Succeeded, copied.Revert?.Description);
        Assert.True(ours.Succeeded, ours.Revert?.Description);
        var mine = await anvil.Anchor.GetAnchorAsync(_department.Address, root);
        Assert.Equal(_department.Address, mine!.Issuer, ignoreCase: true);
        Assert.Equal(1u, mine.LeafCount);
        Assert.Equal(7u, (await anvil.Anchor.GetAnchorAsync(other.Address, root))!.LeafCount);
    }

    [Fact]
    public async Task Two_senders_of_one_department_racing_to_anchor_one_root_get_one_success_and_one_decoded_refusal()
    {
        // Two senders with journals of their own (as two processes without a shared one): the second
        // signs with the nonce the first took, is told so, and takes the next; its anchor is then refused.
        using var first = anvil.NewSender(_department);
        using var second = anvil.NewSender(_department);
        var root = RandomNumberGenerator.GetBytes(32);

        // Both may pass gas estimation before either is mined; the loser then fails with status 0
        // and its reason is recovered by replay. Either way the refusal is named.
        var outcomes = await Task.WhenAll(
            anvil.Anchor.AnchorAsync(first, root, 1, HashAlgorithmId.Sm3, [Type]),
            anvil.Anchor.AnchorAsync(second, root, 2, HashAlgorithmId.Sm3, [Type]));

        Assert.Single(outcomes, o => o.Succeeded);
        Assert.Single(outcomes, o => o.Revert?.ErrorName == "RootAlreadyAnchored");
    }

    [Fact]
    public async Task The_same_anchor_sent_by_two_senders_at_once_is_one_transaction()
    {
        using var first = anvil.NewSender(_department);
        using var second = anvil.NewSender(_department);
        var root = RandomNumberGenerator.GetBytes(32);

        // Same input, same nonce: the same signed bytes (deterministic signatures), which the node takes once.
        var outcomes = await Task.WhenAll(
            anvil.Anchor.AnchorAsync(first, root, 1, HashAlgorithmId.Sm3, [Type]),
            anvil.Anchor.AnchorAsync(second, root, 1, HashAlgorithmId.Sm3, [Type]));

        Assert.All(outcomes, o => Assert.True(o.Succeeded || o.Revert?.ErrorName == "RootAlreadyAnchored", o.Revert?.Description));
        Assert.Contains(outcomes, o => o.Succeeded);
        Assert.NotNull(await anvil.Anchor.GetAnchorAsync(_department.Address, root));
    }
}
