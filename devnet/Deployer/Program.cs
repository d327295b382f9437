using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

// Usage: Deployer [--rpc URL] [--record PATH]
// Deploys the contracts unless the record already names live contracts on this chain, then makes
// sure the demo department is registered and holds the business-licence type. Safe to run again.
var rpcUrl = Argument("--rpc") ?? "http://127.0.0.1:8545";
var recordPath = Argument("--record") ?? "devnet/.state/deployment.json";

var rpc = RpcClients.Create(rpcUrl);
var chain = new ChainReader(rpc);
using var admin = new TransactionSender(DevelopmentKeys.GovernanceAdmin, await chain.GetChainIdAsync(), rpc, TimeSpan.FromSeconds(60));
var (record, reused) = await new ContractDeployer(admin, chain).EnsureDeployedAsync(recordPath);
Console.WriteLine(reused
    ? $"contracts already deployed on chain {record.ChainId}: registry {record.IssuerRegistry}, anchor {record.CertificateAnchor}"
    : $"deployed to chain {record.ChainId} at block {record.DeployedAtBlock}: registry {record.IssuerRegistry}, anchor {record.CertificateAnchor}");

var seeder = new DevnetSeeder(new IssuerRegistryAdmin(admin, record.IssuerRegistry), new IssuerRegistryClient(chain.Web3, record.IssuerRegistry));
await seeder.EnsureDepartmentAsync(DevelopmentKeys.DemoDepartment.Address, DemoDepartment.CreditCode, DemoDepartment.Name, [DemoDepartment.BusinessLicenceType]);
Console.WriteLine($"demo department {DemoDepartment.CreditCode} ({DevelopmentKeys.DemoDepartment.Address}) may issue {DemoDepartment.BusinessLicenceType}");
return 0;

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
