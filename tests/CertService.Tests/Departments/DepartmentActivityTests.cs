using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using TrustLedger.CertService.Departments;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Contracts;

namespace TrustLedger.Tests.CertService.Departments;

/// <summary>A node that takes connections and never answers (a cut-off site) must not hold a revocation request for Nethereum's 20 s.</summary>
public sealed class DepartmentActivityTests
{
    [Fact]
    public async Task A_chain_that_never_answers_lets_the_request_through_within_the_lookup_timeout()
    {
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var held = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                held.Add(await silent.AcceptTcpClientAsync());
            }
        });
        var url = $"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}";
        var activity = new DepartmentActivity(new IssuerRegistryClient(new Nethereum.Web3.Web3(RpcClients.Create(url)), "0x0000000000000000000000000000000000000001"));

        var clock = Stopwatch.StartNew();
        var mayAct = await activity.MayActAsync("0x00000000000000000000000000000000000000aa");
        clock.Stop();

        Assert.True(mayAct);
        // Well inside Nethereum's own 20 s request timeout, which is what a request would otherwise wait for.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        silent.Stop();
        held.ForEach(c => c.Dispose());
        _ = accepting.Exception;
    }

    [Fact]
    public async Task A_chain_that_refuses_connections_lets_the_request_through()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var activity = new DepartmentActivity(new IssuerRegistryClient(new Nethereum.Web3.Web3(RpcClients.Create($"http://127.0.0.1:{port}")), "0x0000000000000000000000000000000000000001"));

        Assert.True(await activity.MayActAsync("0x00000000000000000000000000000000000000aa"));
    }
}
