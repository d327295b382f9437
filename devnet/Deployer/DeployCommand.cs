using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using TrustLedger.Ledger.Hosting;
using TrustLedger.Ledger.Keys;

namespace TrustLedger.Deployer;

/// <summary>
/// Deploys the contracts unless the record already names live contracts on this chain.
/// </summary>
/// <remarks>
/// Development (the default): the governance administrator is Anvil's account 0, whose key is
/// public; with <c>--keystore</c> that key is also written there (scrypt N = 4096, fast for the
/// devnet) so CertService can onboard departments.
/// <para>
/// <c>--production</c>: the governance key comes from the keystore (key <c>governance</c>, the
/// passphrase from the environment variable <c>--passphrase-env</c> names), never from Anvil;
/// <c>--new-governance-key</c> generates a fresh one there first, at scrypt N = 2^18. A keystore
/// key that is one of Anvil's public accounts, a missing key, or a short passphrase is refused
/// (exit 2) before anything is sent.
/// </para>
/// </remarks>
public static class DeployCommand
{
    public const int DevelopmentScryptN = 4096;

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var rpcUrl = Argument(args, "--rpc") ?? "http://127.0.0.1:8545";
        var recordPath = Argument(args, "--record") ?? "devnet/.state/deployment.json";
        var production = args.Contains("--production");
        var directory = Argument(args, "--keystore");
        var passphraseVariable = Argument(args, "--passphrase-env") ?? "TRUSTLEDGER_KEYSTORE_PASSPHRASE";
        var passphrase = Environment.GetEnvironmentVariable(passphraseVariable);
        if (directory is not null && string.IsNullOrEmpty(passphrase))
        {
            error.WriteLine($"the keystore passphrase environment variable {passphraseVariable} is not set");
            return 2;
        }

        SigningKey governance;
        if (production)
        {
            if (directory is null || passphrase is null || passphrase.Length < 16)
            {
                error.WriteLine($"--production needs --keystore and a passphrase of at least 16 characters in {passphraseVariable}");
                return 2;
            }

            var keystore = new FileKeyStore(new KeyStoreOptions { Directory = directory, Passphrase = passphrase, ScryptN = DevelopmentSecrets.MinimumScryptN });
            var key = await keystore.FindAsync(GovernanceKeyId);
            if (key is null && args.Contains("--new-governance-key"))
            {
                key = await keystore.AddAsync(GovernanceKeyId, SigningKey.Generate());
                output.WriteLine($"generated a governance key ({key.Address}) in the keystore; give this account the permissions your network needs before deploying");
            }

            if (key is null)
            {
                error.WriteLine($"no governance key '{GovernanceKeyId}' in {directory}: import the city's key, or pass --new-governance-key");
                return 2;
            }

            if (DevelopmentSecrets.PublicAccounts.Contains(key.Address))
            {
                error.WriteLine($"the keystore's governance key {key.Address} is an Anvil development account whose private key is public; production refuses it");
                return 2;
            }

            governance = key;
        }
        else
        {
            governance = DevelopmentKeys.GovernanceAdmin;
        }

        var rpc = RpcClients.Create(rpcUrl);
        var chain = new ChainReader(rpc);
        using var admin = new TransactionSender(governance, await chain.GetChainIdAsync(), rpc, TimeSpan.FromSeconds(60));
        var (record, reused) = await new ContractDeployer(admin, chain).EnsureDeployedAsync(recordPath);
        output.WriteLine(reused
            ? $"contracts already deployed on chain {record.ChainId}: registry {record.IssuerRegistry}, anchor {record.CertificateAnchor}"
            : $"deployed to chain {record.ChainId} at block {record.DeployedAtBlock}: registry {record.IssuerRegistry}, anchor {record.CertificateAnchor}, governance {record.GovernanceAdmin}");

        if (!production && directory is not null)
        {
            var keystore = new FileKeyStore(new KeyStoreOptions { Directory = directory, Passphrase = passphrase!, ScryptN = DevelopmentScryptN });
            if (await keystore.FindAsync(GovernanceKeyId) is null)
            {
                await keystore.SaveAsync(GovernanceKeyId, DevelopmentKeys.GovernanceAdmin);
                output.WriteLine($"wrote the development governance key ({DevelopmentKeys.GovernanceAdmin.Address}) to the keystore");
            }
        }

        return 0;
    }

    private const string GovernanceKeyId = "governance";

    private static string? Argument(IReadOnlyList<string> args, string name)
    {
        for (var i = 0; i + 1 < args.Count; i++)
        {
            if (args[i] == name)
            {
                return args[i + 1];
            }
        }

        return null;
    }
}
