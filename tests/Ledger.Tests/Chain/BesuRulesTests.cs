using System.Numerics;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Chain;

/// <summary>The Besu behaviours the proxy reproduces, and how the Ledger meets each.</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class BesuRulesTests(BesuLikeNode node)
{
    [Fact]
    public async Task Logs_over_more_than_5000_blocks_are_refused_with_32005_and_the_chunked_reader_stays_under_it()
    {
        var head = await node.Chain.GetHeadBlockAsync();
        if (head < 5001)
        {
            await node.RequestAsync<object>("anvil_mine", new HexBigInteger(5001 - head).HexValue);
        }

        var filter = new NewFilterInput { Address = [node.Deployment.CertificateAnchor], FromBlock = new BlockParameter(0), ToBlock = BlockParameter.CreateLatest() };
        var refused = await Assert.ThrowsAsync<RpcResponseException>(() => node.Chain.Web3.Eth.Filters.GetLogs.SendRequestAsync(filter));
        var reader = new ChunkedLogReader(node.Chain.Web3, maxRange: 5000);
        await reader.ReadAsync<BatchAnchoredEvent>(node.Deployment.CertificateAnchor, 0, await node.Chain.GetHeadBlockAsync());

        Assert.Equal(-32005, refused.RpcError.Code);
        Assert.True(reader.RequestCount >= 2);
    }

    [Fact]
    public async Task A_sender_outside_the_allowlist_gets_a_named_outcome_and_may_send_once_allowlisted()
    {
        using var stranger = node.NewSender(SigningKey.Generate());
        var transfer = new TransactionInput { To = "0x" + new string('2', 40), Value = new HexBigInteger(BigInteger.Zero) };

        var refused = await stranger.SendAsync(transfer);
        var update = await new AccountsAllowlist(node.Rpc).AddAsync(stranger.Address);
        var allowed = await stranger.SendAsync(new TransactionInput { To = transfer.To, Value = transfer.Value });

        Assert.Equal("SenderNotAllowlisted", refused.Revert?.ErrorName);
        Assert.Equal(AllowlistUpdate.Node, update);
        Assert.True(allowed.Succeeded);
        Assert.Contains(stranger.Address.ToLowerInvariant(), node.Proxy.Allowlist.Select(a => a.ToLowerInvariant()));
    }

    [Fact]
    public async Task Without_a_perm_API_the_allowlist_change_goes_to_the_generated_permissions_file()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllTextAsync(file, "accounts-allowlist=[\"0x1111111111111111111111111111111111111111\"]\nnodes-allowlist=[]\n");
        try
        {
            // Anvil itself (behind the proxy) has no perm_* methods.
            var allowlist = new AccountsAllowlist(RpcClients.Create(node.AnvilUrl), file);
            var account = SigningKey.Generate().Address;

            var added = await allowlist.AddAsync(account);
            var afterAdd = await File.ReadAllTextAsync(file);
            await allowlist.RemoveAsync("0x1111111111111111111111111111111111111111");

            Assert.Equal(AllowlistUpdate.File, added);
            Assert.Contains(account.ToLowerInvariant(), afterAdd, StringComparison.Ordinal);
            Assert.Equal($"accounts-allowlist=[\"{account.ToLowerInvariant()}\"]\nnodes-allowlist=[]\n", await File.ReadAllTextAsync(file));
            Assert.Equal(AllowlistUpdate.NotPermissioned, await new AccountsAllowlist(RpcClients.Create(node.AnvilUrl)).AddAsync(account));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
