using System.Security.Cryptography;
using Nethereum.Hex.HexTypes;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Chain;

[Collection(SharedAnvil.Name)]
public sealed class ChunkedLogReaderTests_Anvil(AnvilNode anvil) : ChunkedLogReaderTests(anvil);

/// <summary>The same tests through the Besu-rules proxy (log range limit, allowlist, revert reasons in receipts).</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class ChunkedLogReaderTests_BesuRules(BesuLikeNode anvil) : ChunkedLogReaderTests(anvil);

public abstract class ChunkedLogReaderTests(AnvilNode anvil)
{
    [Fact]
    public async Task Events_more_than_5000_blocks_apart_are_all_read_in_ranges_Besu_accepts()
    {
        using var department = anvil.NewSender(DevelopmentKeys.DemoDepartment);
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        await new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry)
            .EnsureDepartmentAsync(department.Address, DemoDepartment.CreditCode, DemoDepartment.Name, [DemoDepartment.BusinessLicenceType]);
        var early = RandomNumberGenerator.GetBytes(32);
        var late = RandomNumberGenerator.GetBytes(32);

        var first = await anvil.Anchor.AnchorAsync(department, early, 1, HashAlgorithmId.Sm3, [DemoDepartment.BusinessLicenceType]);
        await anvil.RequestAsync<object>("anvil_mine", new HexBigInteger(6000).HexValue);
        var second = await anvil.Anchor.AnchorAsync(department, late, 1, HashAlgorithmId.Sm3, [DemoDepartment.BusinessLicenceType]);
        Assert.True(second.BlockNumber - first.BlockNumber > 5000);

        var reader = new ChunkedLogReader(anvil.Chain.Web3, maxRange: 5000);
        var logs = await reader.ReadAsync<BatchAnchoredEvent>(anvil.Deployment.CertificateAnchor, first.BlockNumber!.Value, second.BlockNumber!.Value);

        var roots = logs.Select(l => Convert.ToHexString(l.Event.Root)).ToList();
        Assert.Contains(Convert.ToHexString(early), roots);
        Assert.Contains(Convert.ToHexString(late), roots);
        Assert.True(reader.RequestCount >= 2);
    }
}
