using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hosting;
using TrustLedger.Ledger.Keys;
using TrustLedger.Tests.Ledger.Chain;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Ledger.Contracts;

/// <summary>
/// The Deployer's production mode on a real Anvil node: the governance key is the keystore's, never
/// Anvil's public account 0; a keystore holding a public key, or none, is refused before anything
/// is sent or written.
/// </summary>
[Collection(SharedAnvil.Name)]
public sealed class ProductionDeploymentTests(AnvilNode anvil) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("production-deploy-").FullName;
    private readonly string _variable = $"TL_TEST_PASSPHRASE_{Guid.NewGuid():N}";
    private readonly string _passphrase = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24));

    private string Keystore => Path.Combine(_folder, "keystore");

    private string Record => Path.Combine(_folder, "deployment.json");

    [Fact]
    public async Task Production_deploys_with_the_keystores_governance_key()
    {
        var key = SigningKey.Generate();
        await KeyStore().SaveAsync("governance", key); // a fresh account with no balance: the devnet, like Besu here, has free gas

        var (code, _, error) = await RunAsync("--production");

        Assert.True(code == 0, error);
        var record = DeploymentRecord.TryLoad(Record)!;
        Assert.Equal(key.Address, record.GovernanceAdmin, StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(record.GovernanceAdmin, DevelopmentSecrets.PublicAccounts);
        Assert.NotEqual(anvil.Deployment.IssuerRegistry, record.IssuerRegistry);
    }

    [Fact]
    public async Task Production_refuses_a_keystore_holding_Anvils_public_account_and_sends_nothing()
    {
        await KeyStore().SaveAsync("governance", DevelopmentKeys.GovernanceAdmin);
        var before = await anvil.RequestAsync<string>("eth_getTransactionCount", DevelopmentKeys.GovernanceAdmin.Address, "latest");

        var (code, _, error) = await RunAsync("--production");

        Assert.Equal(2, code);
        Assert.Contains(DevelopmentKeys.GovernanceAdmin.Address, error, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("public", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Record));
        Assert.Equal(before, await anvil.RequestAsync<string>("eth_getTransactionCount", DevelopmentKeys.GovernanceAdmin.Address, "latest"));
    }

    [Fact]
    public async Task Production_without_a_governance_key_is_refused_unless_asked_to_make_one()
    {
        var (code, _, error) = await RunAsync("--production");

        Assert.Equal(2, code);
        Assert.Contains("no governance key", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Record));
        Assert.Null(await KeyStore().FindAsync("governance"));
    }

    [Fact]
    public async Task Production_refuses_a_short_passphrase()
    {
        var (code, _, error) = await RunAsync("--production", passphrase: "short");

        Assert.Equal(2, code);
        Assert.Contains("16 characters", error, StringComparison.Ordinal);
    }

    private FileKeyStore KeyStore() => new(new KeyStoreOptions { Directory = Keystore, Passphrase = _passphrase, ScryptN = DevelopmentSecrets.MinimumScryptN });

    private async Task<(int Code, string Output, string Error)> RunAsync(string mode, string? passphrase = null)
    {
        Environment.SetEnvironmentVariable(_variable, passphrase ?? _passphrase);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await DeployCommand.RunAsync(["--rpc", anvil.RpcUrl, "--record", Record, "--keystore", Keystore, "--passphrase-env", _variable, mode], output, error);
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(_variable, null);
        Directory.Delete(_folder, recursive: true);
    }
}
