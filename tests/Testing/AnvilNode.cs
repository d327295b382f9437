using System.Diagnostics;
using Nethereum.JsonRpc.Client;
using TrustLedger.Deployer;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;
using Xunit;

namespace TrustLedger.Tests.Testing;

/// <summary>
/// A real Anvil node started through devnet/anvil.sh (the devnet's own Besu-like settings) on a
/// free loopback port, with the contracts deployed by the real deployer. Stopped by its own pid.
/// </summary>
public class AnvilNode : IAsyncLifetime
{
    private Process? _process;
    private string _stateDir = "";

    public string RpcUrl { get; protected set; } = "";

    public string DeploymentFile => System.IO.Path.Combine(_stateDir, "deployment.json");

    public DeploymentRecord Deployment { get; private set; } = null!;

    public IClient Rpc { get; protected set; } = null!;

    public ChainReader Chain { get; protected set; } = null!;

    public long ChainId { get; private set; }

    public virtual async Task InitializeAsync()
    {
        var script = RepositoryRoot.Combine("devnet", "anvil.sh");
        _stateDir = Directory.CreateTempSubdirectory("trustledger-anvil-").FullName;
        var port = FreePort.Next();
        var start = new ProcessStartInfo("bash", [script, port.ToString(System.Globalization.CultureInfo.InvariantCulture), System.IO.Path.Combine(_stateDir, "anvil-state.json")])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("anvil did not start");
        RpcUrl = $"http://127.0.0.1:{port}";
        Rpc = RpcClients.Create(RpcUrl);
        Chain = new ChainReader(Rpc);
        await WaitUntilAnsweringAsync();
        ChainId = await Chain.GetChainIdAsync();
        using var admin = NewSender(DevelopmentKeys.GovernanceAdmin);
        (Deployment, _) = await new ContractDeployer(admin, Chain).EnsureDeployedAsync(DeploymentFile);
        var seeder = new DevnetSeeder(new IssuerRegistryAdmin(admin, Deployment.IssuerRegistry), Registry);
        await seeder.EnsureDepartmentAsync(TestDepartments.Demo.Key.Address, TestDepartments.Demo.CreditCode, TestDepartments.Demo.Name, [DemoDepartment.BusinessLicenceType]);
        await seeder.EnsureDepartmentAsync(TestDepartments.Other.Key.Address, TestDepartments.Other.CreditCode, TestDepartments.Other.Name, []);
    }

    /// <summary>The governance admin's registry writes, for tests that change grants.</summary>
    public async Task<TransactionOutcome> AsGovernanceAdminAsync(Func<IssuerRegistryAdmin, Task<TransactionOutcome>> change)
    {
        using var admin = NewSender(DevelopmentKeys.GovernanceAdmin);
        return await change(new IssuerRegistryAdmin(admin, Deployment.IssuerRegistry));
    }

    public TransactionSender NewSender(SigningKey key) => new(key, ChainId, Rpc, TimeSpan.FromSeconds(30));

    public IssuerRegistryClient Registry => new(Chain.Web3, Deployment.IssuerRegistry);

    public CertificateAnchorClient Anchor => new(Chain.Web3, Deployment.CertificateAnchor);

    /// <summary>Stops the node by its pid, for outage tests; the fixture's disposal then has nothing left to stop.</summary>
    public void Stop()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }
    }

    /// <summary>Sends a raw JSON-RPC request (anvil_mine and the like).</summary>
    public Task<T> RequestAsync<T>(string method, params object[] parameters) => Rpc.SendRequestAsync<T>(method, null, parameters);

    private async Task WaitUntilAnsweringAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException("anvil exited: " + await _process.StandardError.ReadToEndAsync());
            }

            try
            {
                await Chain.GetHeadBlockAsync();
                return;
            }
            catch (ChainUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    public virtual Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(5000);
        }

        _process?.Dispose();
        try
        {
            Directory.Delete(_stateDir, recursive: true);
        }
        catch (IOException)
        {
            // Anvil may still be flushing its state file; the temp folder is harmless.
        }

        return Task.CompletedTask;
    }
}
