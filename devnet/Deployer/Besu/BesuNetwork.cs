using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Nethereum.Signer;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Deployer.Besu;

/// <summary>What to generate: the validators and RPC nodes, the QBFT timing, and the accounts allowed to send transactions.</summary>
public sealed record BesuNetworkOptions
{
    public int Validators { get; init; } = 4;

    public int RpcNodes { get; init; } = 1;

    public long ChainId { get; init; } = 1337;

    public int BlockPeriodSeconds { get; init; } = 2;

    public int EpochLength { get; init; } = 30_000;

    public int RequestTimeoutSeconds { get; init; } = 4;

    /// <summary>The data centres validators are spread over, round-robin (see docs/besu-network.md).</summary>
    public IReadOnlyList<string> Centres { get; init; } = ["xian-a", "xian-b", "dr-c", "witness-d"];

    /// <summary>The department and governance accounts of the registry: exactly these may send transactions.</summary>
    public IReadOnlyList<string> Accounts { get; init; } = [];

    /// <summary>The Besu image every node runs (pinned).</summary>
    public string BesuImage { get; init; } = "hyperledger/besu:25.8.0";
}

/// <summary>
/// A permissioned Besu QBFT network for TrustLedger, generated as files: node keys, a genesis whose
/// milestones match the contracts' EVM version, <c>extraData</c> with the validators in ascending
/// order, static nodes, one TOML configuration per node (free gas, revert reasons, the RPC APIs its
/// role needs, local permissioning) and a Docker Compose file with Blockscout and both services.
/// </summary>
public sealed class BesuNetwork
{
    /// <summary>QBFT's fixed mixHash ("ctical byzantine fault tolerance").</summary>
    public const string QbftMixHash = "0x63746963616c2062797a616e74696e65206661756c7420746f6c6572616e6365";

    // Pre-merge forks in activation order, by block number; later ones by timestamp.
    private static readonly string[] BlockForks = ["homestead", "eip150", "eip155", "eip158", "byzantium", "constantinople", "petersburg", "istanbul", "muirGlacier", "berlin", "london"];
    private static readonly string[] TimeForks = ["shanghai", "cancun", "prague"];

    private BesuNetwork(BesuNetworkOptions options, IReadOnlyList<BesuNode> nodes)
    {
        Options = options;
        Nodes = nodes;
    }

    public BesuNetworkOptions Options { get; }

    public IReadOnlyList<BesuNode> Nodes { get; }

    public IEnumerable<BesuNode> Validators => Nodes.Where(n => n.IsValidator);

    public static BesuNetwork Generate(BesuNetworkOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Validators < 1 || options.RpcNodes < 1)
        {
            throw new ArgumentException("a network needs at least one validator and one RPC node", nameof(options));
        }

        var nodes = new List<BesuNode>();
        for (var i = 0; i < options.Validators; i++)
        {
            nodes.Add(new BesuNode($"validator-{i + 1}", true, options.Centres[i % options.Centres.Count], $"172.28.0.{11 + i}", EthECKey.GenerateKey()));
        }

        for (var i = 0; i < options.RpcNodes; i++)
        {
            nodes.Add(new BesuNode($"rpc-{i + 1}", false, options.Centres[i % options.Centres.Count], $"172.28.0.{101 + i}", EthECKey.GenerateKey()));
        }

        return new BesuNetwork(options, nodes);
    }

    /// <summary>The genesis block, as Besu reads it.</summary>
    public JsonObject Genesis()
    {
        var config = new JsonObject { ["chainId"] = Options.ChainId };
        var evm = ContractArtifact.All.Select(a => a.EvmVersion).Distinct(StringComparer.OrdinalIgnoreCase).Single();
        var forks = ForksUpTo(evm);
        foreach (var fork in forks.Where(BlockForks.Contains))
        {
            config[fork + "Block"] = 0;
        }

        foreach (var fork in forks.Where(TimeForks.Contains))
        {
            config[fork + "Time"] = 0;
        }

        config["zeroBaseFee"] = true;
        config["qbft"] = new JsonObject
        {
            ["blockperiodseconds"] = Options.BlockPeriodSeconds,
            ["epochlength"] = Options.EpochLength,
            ["requesttimeoutseconds"] = Options.RequestTimeoutSeconds,
        };
        return new JsonObject
        {
            ["config"] = config,
            ["nonce"] = "0x0",
            ["timestamp"] = "0x0",
            ["gasLimit"] = "0x1fffffffffffff",
            ["difficulty"] = "0x1",
            ["mixHash"] = QbftMixHash,
            ["coinbase"] = "0x0000000000000000000000000000000000000000",
            ["alloc"] = new JsonObject(),
            ["extraData"] = QbftExtraData.Encode(Validators.Select(v => v.Address).Order(StringComparer.Ordinal)),
        };
    }

    /// <summary>One node's configuration file (Besu TOML).</summary>
    public static string NodeConfig(BesuNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        // Validators need consensus and peering only; the RPC node serves the services, Blockscout and operators.
        string[] apis = node.IsValidator ? ["ETH", "NET", "QBFT"] : ["ETH", "NET", "WEB3", "QBFT", "TXPOOL", "PERM", "DEBUG", "TRACE"];
        return $"""
            # {node.Name} ({(node.IsValidator ? "validator" : "RPC node")}, centre {node.Centre}); generated by TrustLedger.Deployer besu-network
            data-path="/opt/besu/data"
            genesis-file="/config/genesis.json"
            node-private-key-file="/config/node/key"
            p2p-host="{node.Ip}"
            p2p-port={BesuNode.P2pPort}
            static-nodes-file="/config/static-nodes.json"
            sync-mode="FULL"
            rpc-http-enabled=true
            rpc-http-host="0.0.0.0"
            rpc-http-port=8545
            rpc-http-api=[{string.Join(",", apis.Select(a => $"\"{a}\""))}]
            host-allowlist=["*"]
            rpc-max-logs-range=5000
            # Free gas: no price, no base fee (genesis zeroBaseFee), and zero-balance senders accepted.
            min-gas-price=0
            tx-pool-enable-balance-check=false
            tx-pool-limit-by-account-percentage=1.0
            revert-reason-enabled=true
            # Local permissioning: only the listed nodes peer, only the listed accounts send transactions.
            permissions-nodes-config-file-enabled=true
            permissions-nodes-config-file="/config/permissions_config.toml"
            permissions-accounts-config-file-enabled=true
            permissions-accounts-config-file="/config/permissions_config.toml"

            """;
    }

    /// <summary>The local permissioning file every node reads: the registry's accounts and the generated enodes.</summary>
    public string PermissionsConfig() =>
        $"""
        # Generated by TrustLedger.Deployer besu-network. accounts-allowlist: the governance and department
        # accounts of IssuerRegistry; nodes-allowlist: this network's nodes.
        accounts-allowlist=[{string.Join(",", Options.Accounts.Select(a => $"\"{a.ToLowerInvariant()}\""))}]
        nodes-allowlist=[{string.Join(",", Nodes.Select(n => $"\"{n.Enode}\""))}]

        """;

    public string StaticNodes() => JsonSerializer.Serialize(Nodes.Select(n => n.Enode).ToList(), Indented);

    /// <summary>The network without its secrets: nodes, roles, centres, addresses and enodes.</summary>
    public string Description() => JsonSerializer.Serialize(
        new
        {
            chainId = Options.ChainId,
            blockPeriodSeconds = Options.BlockPeriodSeconds,
            faultTolerance = (Options.Validators - 1) / 3,
            nodes = Nodes.Select(n => new { name = n.Name, validator = n.IsValidator, centre = n.Centre, address = n.Address, enode = n.Enode }),
        },
        Indented);

    /// <summary>Writes every file under <paramref name="directory"/>; node keys are readable by their owner only.</summary>
    public void WriteTo(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "genesis.json"), Genesis().ToJsonString(Indented));
        File.WriteAllText(Path.Combine(directory, "static-nodes.json"), StaticNodes());
        File.WriteAllText(Path.Combine(directory, "permissions_config.toml"), PermissionsConfig());
        File.WriteAllText(Path.Combine(directory, "network.json"), Description());
        File.WriteAllText(Path.Combine(directory, "docker-compose.yml"), ComposeFile.For(this));
        foreach (var node in Nodes)
        {
            var folder = Path.Combine(directory, "nodes", node.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "config.toml"), NodeConfig(node));
            var key = Path.Combine(folder, "key");
            File.WriteAllText(key, node.PrivateKeyHex);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static List<string> ForksUpTo(string evmVersion)
    {
        var all = BlockForks.Concat(TimeForks).ToList();
        var index = all.FindIndex(f => string.Equals(f, evmVersion, StringComparison.OrdinalIgnoreCase));
        if (index < all.IndexOf("london"))
        {
            throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                $"the contracts are compiled for EVM {evmVersion}; a TrustLedger genesis needs London or later (zero base fee)"));
        }

        return all.Take(index + 1).ToList();
    }
}
