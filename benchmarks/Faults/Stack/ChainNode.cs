using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustLedger.Faults.Stack;

/// <summary>
/// The local chain (devnet/anvil.sh: Besu-like settings, one block a second, state kept in a file),
/// and plain JSON-RPC to it. A clean stop writes the state file, so a restart keeps the mined
/// blocks; the transaction pool is not kept, as a restarted Besu node's is not.
/// </summary>
public sealed class ChainNode(string repository, string folder, Action<string, int> onUnexpectedExit) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private ChildProcess? _node;
    private long _id;

    public int Port { get; } = Ports.Free();

    public string RpcUrl => $"http://127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        _node = ChildProcess.Start(
            "chain", "bash", [Path.Combine(repository, "devnet", "anvil.sh"), Port.ToString(CultureInfo.InvariantCulture), Path.Combine(folder, "anvil-state.json")],
            new Dictionary<string, string>(), Path.Combine(folder, "chain.log"), onUnexpectedExit);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await CallAsync("eth_chainId");
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>A clean stop (the state file is written); the pool is lost.</summary>
    public void Stop()
    {
        _node?.Stop("TERM");
        _node?.Dispose();
        _node = null;
    }

    public async Task<JsonNode?> CallAsync(string method, params object[] parameters)
    {
        var request = new { jsonrpc = "2.0", id = Interlocked.Increment(ref _id), method, @params = parameters };
        using var response = await _http.PostAsJsonAsync(RpcUrl, request);
        var body = await response.Content.ReadFromJsonAsync<JsonObject>() ?? throw new InvalidOperationException($"{method}: empty answer");
        if (body["error"] is { } error)
        {
            throw new InvalidOperationException($"{method}: {error.ToJsonString()}");
        }

        return body["result"];
    }

    public async Task<ulong> HeadAsync() => ParseQuantity((await CallAsync("eth_blockNumber"))!.GetValue<string>());

    public async Task<string> EthCallAsync(string to, string data) =>
        (await CallAsync("eth_call", new { to, data }, "latest"))!.GetValue<string>();

    /// <summary>Logs of a contract and first topic, read in ranges Besu would accept (at most 5,000 blocks).</summary>
    public async Task<List<JsonObject>> LogsAsync(string address, string topic0, ulong fromBlock, ulong toBlock)
    {
        var logs = new List<JsonObject>();
        for (var start = fromBlock; start <= toBlock; start += 5000)
        {
            var end = Math.Min(toBlock, start + 4999);
            var chunk = await CallAsync("eth_getLogs", new { address, topics = new[] { topic0 }, fromBlock = Quantity(start), toBlock = Quantity(end) });
            logs.AddRange(chunk!.AsArray().Select(l => l!.AsObject()));
        }

        return logs;
    }

    /// <summary>Hashes of the account's transactions waiting in the pool.</summary>
    public async Task<List<string>> PendingOfAsync(string account)
    {
        var content = (await CallAsync("txpool_content"))!.AsObject();
        var pending = content["pending"]?.AsObject() ?? [];
        return pending.Where(p => string.Equals(p.Key, account, StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value!.AsObject().Select(t => t.Value!["hash"]!.GetValue<string>())).ToList();
    }

    public static ulong ParseQuantity(string hex) => ulong.Parse(hex.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static string Quantity(ulong value) => "0x" + value.ToString("x", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        Stop();
        _http.Dispose();
    }
}
