using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;
using Nethereum.Signer;
using TrustLedger.Deployer;
using TrustLedger.Deployer.Besu;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Besu;

/// <summary>
/// The generated Besu QBFT network (devnet/besu): every file a node reads is checked here, since
/// Besu itself cannot run on this machine (no container engine).
/// </summary>
public sealed partial class BesuNetworkTests(AnvilNode anvil) : IClassFixture<AnvilNode>
{
    // Besu's documentation, "Configure QBFT consensus", block header validator selection: four
    // validators (in the order the page lists them) and the extraData it gives for them.
    private const string DocumentedExtraData =
        "0xf87aa00000000000000000000000000000000000000000000000000000000000000000f8549464a702e6263b7297a96638cac6ae65e6541f4169943923390ad55e90c237593b3b0e401f3b08a0318594aefdb9a738c9f433e5b6b212a6d62f6370c2f69294c7eeb9a4e00ce683cf93039b212648e01c6c6b78c080c0";

    private static readonly string[] DocumentedValidators =
    [
        "0x64a702e6263b7297a96638cac6ae65e6541f4169", "0x3923390ad55e90c237593b3b0e401f3b08a03185",
        "0xaefdb9a738c9f433e5b6b212a6d62f6370c2f692", "0xc7eeb9a4e00ce683cf93039b212648e01c6c6b78",
    ];

    [Fact]
    public void The_extraData_of_Besus_documented_example_encodes_byte_for_byte_and_decodes_back()
    {
        Assert.Equal(DocumentedExtraData, QbftExtraData.Encode(DocumentedValidators));
        Assert.Equal(DocumentedValidators, QbftExtraData.Decode(DocumentedExtraData));
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(7, 2)]
    public void The_genesis_names_exactly_the_generated_validators_in_ascending_order(int validators, int tolerated)
    {
        var network = BesuNetwork.Generate(new BesuNetworkOptions { Validators = validators });

        var named = QbftExtraData.Decode(network.Genesis()["extraData"]!.GetValue<string>());

        Assert.Equal(network.Validators.Select(v => v.Address).Order(StringComparer.Ordinal), named);
        Assert.Equal(validators, named.Distinct().Count());
        Assert.Equal(tolerated, JsonDocument.Parse(network.Description()).RootElement.GetProperty("faultTolerance").GetInt32());
    }

    [Fact]
    public void The_genesis_passes_the_schema_of_the_keys_Besu_reads_with_free_gas_and_the_contracts_EVM_version()
    {
        var schema = JsonSchema.FromFile(RepositoryRoot.Combine("devnet", "besu", "genesis.schema.json"));
        var genesis = BesuNetwork.Generate(new BesuNetworkOptions()).Genesis();

        var result = schema.Evaluate(JsonDocument.Parse(genesis.ToJsonString()).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
        var config = genesis["config"]!;
        Assert.True(config["zeroBaseFee"]!.GetValue<bool>());
        Assert.Equal(0, config["londonBlock"]!.GetValue<int>());
        // The contracts are compiled for London (no PUSH0), so no later fork is switched on.
        Assert.Null(config["shanghaiTime"]);
        Assert.Equal(2, config["qbft"]!["blockperiodseconds"]!.GetValue<int>());
    }

    [Fact]
    public void Every_node_gets_free_gas_revert_reasons_local_permissioning_and_only_the_APIs_its_role_needs()
    {
        var network = BesuNetwork.Generate(new BesuNetworkOptions());

        foreach (var node in network.Nodes)
        {
            var toml = BesuNetwork.NodeConfig(node);
            Assert.Contains("min-gas-price=0", toml, StringComparison.Ordinal);
            Assert.Contains("revert-reason-enabled=true", toml, StringComparison.Ordinal);
            Assert.Contains("tx-pool-enable-balance-check=false", toml, StringComparison.Ordinal);
            Assert.Contains("permissions-accounts-config-file-enabled=true", toml, StringComparison.Ordinal);
            Assert.Contains("permissions-nodes-config-file-enabled=true", toml, StringComparison.Ordinal);
            var apis = ApiList().Match(toml).Groups[1].Value;
            Assert.Equal(!node.IsValidator, apis.Contains("\"PERM\"", StringComparison.Ordinal));
            Assert.Contains("\"QBFT\"", apis, StringComparison.Ordinal);
        }

        var enodes = JsonSerializer.Deserialize<string[]>(network.StaticNodes())!;
        Assert.Equal(network.Nodes.Select(n => n.Enode), enodes);
        Assert.All(enodes, e => Assert.Contains($"\"{e}\"", network.PermissionsConfig(), StringComparison.Ordinal));
        // Each enode is the node's own public key: its address derives from it.
        Assert.All(network.Nodes, n => Assert.Equal(n.Address, new EthECKey(n.PrivateKeyHex).GetPublicAddress().ToLowerInvariant()));
    }

    [Fact]
    public async Task The_accounts_allowlist_is_exactly_the_registrys_departments_and_role_holders()
    {
        var newcomer = EthECKey.GenerateKey().GetPublicAddress();
        Assert.True((await anvil.AsGovernanceAdminAsync(a => a.RegisterDepartmentAsync(newcomer, "12610100MB2957025X", "西安市住房公积金管理中心（测试）"))).Succeeded);

        var accounts = await RegistryAccounts.ReadAsync(anvil.Chain.Web3, anvil.Deployment, await anvil.Chain.GetHeadBlockAsync());
        var network = BesuNetwork.Generate(new BesuNetworkOptions { Accounts = accounts });

        string[] expected = [DevelopmentKeys.GovernanceAdmin.Address, TestDepartments.Demo.Key.Address, TestDepartments.Other.Key.Address, newcomer];
        Assert.Equal(expected.Select(a => a.ToLowerInvariant()).Order(StringComparer.Ordinal), accounts);
        var line = network.PermissionsConfig().Split('\n').Single(l => l.StartsWith("accounts-allowlist=", StringComparison.Ordinal));
        Assert.Equal(expected.Length, line.Split(',').Length);
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Docker_compose_accepts_the_generated_compose_file()
    {
        var folder = Directory.CreateTempSubdirectory("besu-network-").FullName;
        try
        {
            BesuNetwork.Generate(new BesuNetworkOptions { Validators = 7 }).WriteTo(folder);
            var start = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(folder, "docker-compose.yml"), "config", "-q"])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            foreach (var name in new[] { "BLOCKSCOUT_DB_PASSWORD", "BLOCKSCOUT_SECRET_KEY_BASE", "TRUSTLEDGER_KEYSTORE", "TRUSTLEDGER_KEYSTORE_PASSPHRASE", "TRUSTLEDGER_POSTGRES", "TRUSTLEDGER_LOOKUP_KEY", "TRUSTLEDGER_ADMIN_KEY_SHA256",
                "TRUSTLEDGER_VERIFIER_KEY", "TRUSTLEDGER_VERIFIER_KEY_SHA256", "TRUSTLEDGER_VERIFIER_PUBLIC_URL", "TRUSTLEDGER_RECEIPTS_KEYSTORE", "TRUSTLEDGER_RECEIPTS_PASSPHRASE" })
            {
                start.Environment[name] = name.EndsWith("_KEYSTORE", StringComparison.Ordinal) ? "/srv/trustledger/keystore" : "test-value";
            }

            using var process = Process.Start(start)!;
            var errors = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, errors);
            Assert.Equal(7, Directory.GetDirectories(Path.Combine(folder, "nodes")).Count(d => Path.GetFileName(d).StartsWith("validator-", StringComparison.Ordinal)));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "nodes", "validator-1", "key")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("certservice")]
    [InlineData("verifier")]
    public void The_compose_file_runs_each_service_as_Production_with_every_setting_production_requires(string service)
    {
        var compose = ComposeFile.For(BesuNetwork.Generate(new BesuNetworkOptions { Validators = 4 }));
        var start = compose.IndexOf($"\n  {service}:\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"no {service} service");
        var next = Regex.Match(compose[(start + 1)..], @"\n  [a-z0-9-]+:\n|\nnetworks:");
        var block = compose.Substring(start, next.Success ? next.Index + 1 : compose.Length - start);
        var rules = service == "certservice" ? TrustLedger.CertService.Protection.ProductionSecrets.Rules : TrustLedger.Verifier.ProductionSecrets.Rules;

        Assert.Contains("ASPNETCORE_ENVIRONMENT: Production", block, StringComparison.Ordinal);
        foreach (var rule in rules.Where(r => !r.Setting.EndsWith("ScryptN", StringComparison.Ordinal)))
        {
            Assert.Contains($" {rule.Setting.Replace(":", "__", StringComparison.Ordinal)}: ", block, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"rpc-http-api=\[(.*)\]")]
    private static partial Regex ApiList();
}
