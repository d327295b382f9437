using System.Security.Cryptography;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hashing;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Chain;

[Collection(SharedAnvil.Name)]
public sealed class TransactionSenderTests_Anvil(AnvilNode anvil) : TransactionSenderTests(anvil);

/// <summary>The same tests through the Besu-rules proxy (log range limit, allowlist, revert reasons in receipts).</summary>
[Collection(SharedBesuLikeNode.Name)]
public sealed class TransactionSenderTests_BesuRules(BesuLikeNode anvil) : TransactionSenderTests(anvil);

public abstract class TransactionSenderTests(AnvilNode anvil)
{
    private const string Type = "11100000000013338W001";

    [Fact]
    public async Task A_refusal_found_at_estimation_is_decoded_and_nothing_is_sent()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var nonceBefore = await anvil.Chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(admin.Address, BlockParameter.CreatePending());
        var unknown = new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

        var outcome = await new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry).SetDepartmentActiveAsync(unknown.Address, true);

        Assert.Equal("UnknownDepartment", outcome.Revert?.ErrorName);
        Assert.Contains(unknown.Address, outcome.Revert!.Description, StringComparison.OrdinalIgnoreCase);
        Assert.Null(outcome.TransactionHash);
        var nonceAfter = await anvil.Chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(admin.Address, BlockParameter.CreatePending());
        Assert.Equal(nonceBefore.Value, nonceAfter.Value);
    }

    [Fact]
    public async Task Transactions_are_legacy_free_gas_and_bound_to_the_chain_id()
    {
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        var department = new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());

        var ok = await new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry).RegisterDepartmentAsync(department.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "交易测试");

        var tx = await anvil.Chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(ok.TransactionHash);
        Assert.Equal(0, (int)tx.Type.Value);
        Assert.Equal(0, (int)tx.GasPrice.Value);
        // EIP-155: a legacy signature's v is chainId * 2 + 35 or + 36.
        Assert.Contains(Convert.ToInt64(tx.V, 16), new[] { (anvil.ChainId * 2) + 35, (anvil.ChainId * 2) + 36 });
    }

    [Fact]
    public async Task A_nonce_another_sender_spent_is_never_signed_over_and_leaves_no_gap()
    {
        var key = new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        await new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc))
            .EnsureDepartmentAsync(key.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "序号测试", [Type]);
        using var ours = anvil.NewSender(key);
        using var intruder = anvil.NewSender(key);

        Assert.True((await anvil.Anchor.AnchorAsync(ours, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type])).Succeeded);
        // Another process spends the next nonce behind our sender's back: our journal's nonce is now stale.
        Assert.True((await anvil.Anchor.AnchorAsync(intruder, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type])).Succeeded);
        // And both send at once, each from its own journal: one of them is told its nonce is taken and takes the next.
        var both = await Task.WhenAll(
            anvil.Anchor.AnchorAsync(ours, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type]),
            anvil.Anchor.AnchorAsync(intruder, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type]));
        var after = await anvil.Anchor.AnchorAsync(ours, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type]);

        Assert.All(both, o => Assert.True(o.Succeeded, o.Revert?.Description));
        Assert.True(after.Succeeded);
        var pending = await anvil.Chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(key.Address, BlockParameter.CreatePending());
        var mined = await anvil.Chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(key.Address, BlockParameter.CreateLatest());
        Assert.Equal(5, (int)mined.Value);
        Assert.Equal(mined.Value, pending.Value);
    }

    [Fact]
    public async Task A_transaction_the_node_dropped_from_its_pool_is_sent_again_as_signed()
    {
        var key = new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        await new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc))
            .EnsureDepartmentAsync(key.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "重发测试", [Type]);
        using var sender = anvil.NewSender(key);
        var root = RandomNumberGenerator.GetBytes(32);

        await anvil.RequestAsync<object>("evm_setIntervalMining", 0);
        try
        {
            var send = anvil.Anchor.AnchorAsync(sender, root, 1, HashAlgorithmId.Sm3, [Type]);
            var hash = await WaitForPendingAsync(key.Address);
            await anvil.RequestAsync<object>("anvil_dropTransaction", hash);
            Assert.Null(await anvil.Chain.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(hash));
            await Task.Delay(TimeSpan.FromSeconds(4)); // the sender notices the node forgot it, and sends it again
            await anvil.RequestAsync<object>("evm_setIntervalMining", 1);

            var outcome = await send;

            Assert.True(outcome.Succeeded, outcome.Revert?.Description);
            Assert.Equal(hash, outcome.TransactionHash);
            Assert.NotNull(await anvil.Anchor.GetAnchorAsync(key.Address, root));
        }
        finally
        {
            await anvil.RequestAsync<object>("evm_setIntervalMining", 1);
        }
    }

    [Fact]
    public async Task A_node_that_lost_its_pool_is_given_the_journaled_transactions_again_so_no_gap_holds_the_account_back()
    {
        var key = new SigningKey(Nethereum.Signer.EthECKey.GenerateKey().GetPrivateKey());
        using var admin = anvil.NewSender(DevelopmentKeys.GovernanceAdmin);
        await new DevnetSeeder(new IssuerRegistryAdmin(admin, anvil.Deployment.IssuerRegistry), anvil.Registry, new AccountsAllowlist(anvil.Rpc))
            .EnsureDepartmentAsync(key.Address, "1161010000" + RandomNumberGenerator.GetHexString(8), "缺口测试", [Type]);
        // Two senders of one account sharing one journal, as two instances sharing the database's.
        var journal = new InMemorySendJournal();
        using var first = new TransactionSender(key, anvil.ChainId, anvil.Rpc, TimeSpan.FromSeconds(60), journal);
        using var second = new TransactionSender(key, anvil.ChainId, anvil.Rpc, TimeSpan.FromSeconds(60), journal);
        var lostRoot = RandomNumberGenerator.GetBytes(32);

        await anvil.RequestAsync<object>("evm_setIntervalMining", 0);
        Task<TransactionOutcome> lost;
        try
        {
            lost = anvil.Anchor.AnchorAsync(first, lostRoot, 1, HashAlgorithmId.Sm3, [Type]);
            await WaitForPendingAsync(key.Address);
            // The node restarts with an empty pool: the first transaction's nonce is now a gap.
            await anvil.RequestAsync<object>("anvil_dropAllTransactions");
        }
        finally
        {
            await anvil.RequestAsync<object>("evm_setIntervalMining", 1);
        }

        var next = await anvil.Anchor.AnchorAsync(second, RandomNumberGenerator.GetBytes(32), 1, HashAlgorithmId.Sm3, [Type]);

        Assert.True(next.Succeeded, next.Revert?.Description);
        Assert.True((await lost).Succeeded);
        Assert.NotNull(await anvil.Anchor.GetAnchorAsync(key.Address, lostRoot));
        var mined = await anvil.Chain.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(key.Address, BlockParameter.CreateLatest());
        Assert.Equal(2, (int)mined.Value);
    }

    private async Task<string> WaitForPendingAsync(string account)
    {
        for (var i = 0; i < 100; i++)
        {
            var content = await anvil.RequestAsync<Newtonsoft.Json.Linq.JObject>("txpool_content");
            var pending = content["pending"]?.Children<Newtonsoft.Json.Linq.JProperty>()
                .FirstOrDefault(p => string.Equals(p.Name, account, StringComparison.OrdinalIgnoreCase));
            if (pending?.Value.First is Newtonsoft.Json.Linq.JProperty first && first.Value["hash"]?.ToString() is { } hash)
            {
                return hash;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"no pending transaction of {account} appeared");
    }

    [Fact]
    public async Task An_unreachable_node_is_an_outage_not_an_outcome()
    {
        var dead = RpcClients.Create($"http://127.0.0.1:{FreePort.Next()}");

        await Assert.ThrowsAsync<ChainUnavailableException>(() => new ChainReader(dead).GetHeadBlockAsync());
    }
}
