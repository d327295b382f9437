using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Keys;

// Usage: Deployer [--rpc URL] [--record PATH] [--keystore DIR --passphrase-env NAME]
//        Deployer besu-network --out DIR [--validators N] [--rpc-nodes N] [--chain-id ID] [--block-period S] [--rpc URL --record PATH]
// besu-network generates a Besu QBFT network (docs/besu-network.md); with --rpc and --record its accounts
// allowlist is read from the deployed registry, otherwise it is left empty for the operator to fill.
// Deploys the contracts unless the record already names live contracts on this chain. With
// --keystore, also writes the governance admin's key there (encrypted) if it is not there yet, so
// CertService can onboard departments. Development chain only: the admin key is Anvil's account 0.
if (args is ["besu-network", ..])
{
    return await TrustLedger.Deployer.Besu.BesuNetworkCommand.RunAsync(Argument);
}

var rpcUrl = Argument("--rpc") ?? "http://127.0.0.1:8545";
var recordPath = Argument("--record") ?? "devnet/.state/deployment.json";

var rpc = RpcClients.Create(rpcUrl);
var chain = new ChainReader(rpc);
using var admin = new TransactionSender(DevelopmentKeys.GovernanceAdmin, await chain.GetChainIdAsync(), rpc, TimeSpan.FromSeconds(60));
var (record, reused) = await new ContractDeployer(admin, chain).EnsureDeployedAsync(recordPath);
Console.WriteLine(reused
    ? $"contracts already deployed on chain {record.ChainId}: registry {record.IssuerRegistry}, anchor {record.CertificateAnchor}"
    : $"deployed to chain {record.ChainId} at block {record.DeployedAtBlock}: registry {record.IssuerRegistry}, anchor {record.CertificateAnchor}");

if (Argument("--keystore") is { } directory)
{
    var passphrase = Environment.GetEnvironmentVariable(Argument("--passphrase-env") ?? "TRUSTLEDGER_KEYSTORE_PASSPHRASE")
        ?? throw new InvalidOperationException("the keystore passphrase environment variable is not set");
    var keystore = new FileKeyStore(new KeyStoreOptions { Directory = directory, Passphrase = passphrase, ScryptN = 4096 });
    if (await keystore.FindAsync("governance") is null)
    {
        await keystore.SaveAsync("governance", DevelopmentKeys.GovernanceAdmin);
        Console.WriteLine($"wrote the governance key ({DevelopmentKeys.GovernanceAdmin.Address}) to the keystore");
    }
}

return 0;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
