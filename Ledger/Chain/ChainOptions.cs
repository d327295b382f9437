namespace TrustLedger.Ledger.Chain;

/// <summary>Where the chain is and how to talk to it. Bound from the <c>Chain</c> configuration section.</summary>
public sealed class ChainOptions
{
    public const string Section = "Chain";

    /// <summary>JSON-RPC endpoint of a Besu RPC node (or the local Anvil devnet).</summary>
    public string RpcUrl { get; set; } = "http://127.0.0.1:8545";

    /// <summary>Path of the deployment record written by the deployer (chain id, contract addresses, block).</summary>
    public string DeploymentFile { get; set; } = "devnet/.state/deployment.json";

    /// <summary>How long a sent transaction may take to be mined before the send is reported as not confirmed.</summary>
    public TimeSpan ReceiptTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The chain's block period (QBFT <c>blockperiodseconds</c>; 1 s on the devnet). No new block for
    /// three periods means the chain is stalled (more than a third of the validators are down).
    /// </summary>
    public TimeSpan BlockPeriod { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// The generated Besu permissions file (<c>permissions_config.toml</c>) to keep in step with the
    /// registry when the node offers no <c>perm_*</c> API; none by default (the devnet is not permissioned).
    /// </summary>
    public string? AccountsAllowlistFile { get; set; }
}
