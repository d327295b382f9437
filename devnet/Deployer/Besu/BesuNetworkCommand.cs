using System.Globalization;
using Nethereum.Web3;
using TrustLedger.Ledger.Chain;

namespace TrustLedger.Deployer.Besu;

/// <summary><c>Deployer besu-network</c>: generates the network files into a folder (see docs/besu-network.md).</summary>
public static class BesuNetworkCommand
{
    public static async Task<int> RunAsync(Func<string, string?> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        var output = argument("--out") ?? throw new ArgumentException("besu-network needs --out DIR");
        IReadOnlyList<string> accounts = [];
        if (argument("--rpc") is { } rpcUrl && argument("--record") is { } recordPath)
        {
            var deployment = DeploymentRecord.TryLoad(recordPath) ?? throw new FileNotFoundException("no deployment record", recordPath);
            var web3 = new Web3(RpcClients.Create(rpcUrl));
            accounts = await RegistryAccounts.ReadAsync(web3, deployment, await new ChainReader(RpcClients.Create(rpcUrl)).GetHeadBlockAsync());
        }

        var options = new BesuNetworkOptions
        {
            Validators = Number(argument("--validators"), 4),
            RpcNodes = Number(argument("--rpc-nodes"), 1),
            ChainId = Number(argument("--chain-id"), 1337),
            BlockPeriodSeconds = Number(argument("--block-period"), 2),
            Accounts = accounts,
        };
        var network = BesuNetwork.Generate(options);
        network.WriteTo(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"besu-network: {options.Validators} validators (tolerates {(options.Validators - 1) / 3} faulty), {options.RpcNodes} RPC node(s), {accounts.Count} allowlisted accounts, in {output}"));
        return 0;
    }

    private static int Number(string? text, int fallback) => text is null ? fallback : int.Parse(text, CultureInfo.InvariantCulture);
}
