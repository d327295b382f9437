// Usage: Deployer [--rpc URL] [--record PATH] [--keystore DIR --passphrase-env NAME] [--production [--new-governance-key]]
//        Deployer besu-network --out DIR [--validators N] [--rpc-nodes N] [--chain-id ID] [--block-period S] [--rpc URL --record PATH]
// besu-network generates a Besu QBFT network (docs/besu-network.md); with --rpc and --record its accounts
// allowlist is read from the deployed registry, otherwise it is left empty for the operator to fill.
// Without besu-network: deploys the contracts (DeployCommand). Development by default, with Anvil's
// public account 0 as governance; --production takes the governance key from the keystore instead.
if (args is ["besu-network", ..])
{
    return await TrustLedger.Deployer.Besu.BesuNetworkCommand.RunAsync(Argument);
}

return await TrustLedger.Deployer.DeployCommand.RunAsync(args, Console.Out, Console.Error);

string? Argument(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
