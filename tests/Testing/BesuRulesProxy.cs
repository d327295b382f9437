using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Nethereum.Signer;

namespace TrustLedger.Tests.Testing;

/// <summary>
/// A JSON-RPC proxy, for tests only, that sits in front of Anvil and answers as Besu does where the two
/// differ in ways TrustLedger meets (docs/besu-compatibility.md):
/// <list type="bullet">
/// <item><c>eth_getLogs</c> over more than 5,000 blocks is refused with -32005 (rpc-max-logs-range);</item>
/// <item><c>eth_sendRawTransaction</c> from a sender outside the accounts allowlist is refused with -32007;</item>
/// <item>a reverted transaction's receipt carries <c>revertReason</c> (revert-reason-enabled);</item>
/// <item><c>perm_addAccountsToAllowlist</c>, <c>perm_removeAccountsFromAllowlist</c>, <c>perm_getAccountsAllowlist</c>
/// and <c>qbft_getValidatorsByBlockNumber</c> exist.</item>
/// </list>
/// Everything else is passed to Anvil unchanged. Bound to 127.0.0.1 on a free port; stopped with the test.
/// </summary>
public sealed class BesuRulesProxy : IAsyncDisposable
{
    public const int MaxLogsRange = 5000;

    private readonly WebApplication _app;
    private readonly HttpClient _upstream;
    private readonly ConcurrentDictionary<string, bool> _allowlist = new(StringComparer.OrdinalIgnoreCase);

    private BesuRulesProxy(WebApplication app, HttpClient upstream, string url, IEnumerable<string> allowlist, IReadOnlyList<string> validators)
    {
        _app = app;
        _upstream = upstream;
        Url = url;
        Validators = validators;
        foreach (var account in allowlist)
        {
            _allowlist[account] = true;
        }
    }

    public string Url { get; }

    /// <summary>What <c>qbft_getValidatorsByBlockNumber</c> answers.</summary>
    public IReadOnlyList<string> Validators { get; }

    public IReadOnlyCollection<string> Allowlist => _allowlist.Keys.ToList();

    /// <summary>How many requests were refused by a Besu rule, by JSON-RPC error code.</summary>
    public ConcurrentDictionary<int, int> Refusals { get; } = new();

    public static async Task<BesuRulesProxy> StartAsync(string upstreamUrl, IEnumerable<string> allowlist, IReadOnlyList<string>? validators = null)
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var proxy = new BesuRulesProxy(app, new HttpClient { BaseAddress = new Uri(upstreamUrl) }, url, allowlist, validators ?? ["0x" + new string('1', 40)]);
        app.MapPost("/", proxy.HandleAsync);
        await app.StartAsync();
        return proxy;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _upstream.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject();
        JsonNode answer = request is JsonArray batch
            ? new JsonArray([.. await Task.WhenAll(batch.Select(r => AnswerAsync(r!.AsObject())))])
            : await AnswerAsync(request.AsObject());
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(answer.ToJsonString());
    }

    private async Task<JsonNode> AnswerAsync(JsonObject request)
    {
        var method = request["method"]?.GetValue<string>() ?? "";
        var parameters = request["params"] as JsonArray ?? [];
        switch (method)
        {
            case "eth_getLogs" when await RangeAsync(parameters[0]!.AsObject()) > MaxLogsRange:
                return Error(request, -32005, "Requested range exceeds maximum RPC range limit");
            case "eth_sendRawTransaction" when !_allowlist.ContainsKey(TransactionVerificationAndRecovery.GetSenderAddress(parameters[0]!.GetValue<string>())):
                return Error(request, -32007, "Sender account not authorized to send transactions");
            case "perm_addAccountsToAllowlist":
                foreach (var account in parameters[0]!.AsArray())
                {
                    _allowlist[account!.GetValue<string>()] = true;
                }

                return Result(request, "Success");
            case "perm_removeAccountsFromAllowlist":
                foreach (var account in parameters[0]!.AsArray())
                {
                    _allowlist.TryRemove(account!.GetValue<string>(), out _);
                }

                return Result(request, "Success");
            case "perm_getAccountsAllowlist":
                return Result(request, new JsonArray([.. _allowlist.Keys.Select(a => JsonValue.Create(a.ToLowerInvariant()))]));
            case "qbft_getValidatorsByBlockNumber":
                return Result(request, new JsonArray([.. Validators.Select(v => JsonValue.Create(v))]));
            case "eth_getTransactionReceipt":
                return await WithRevertReasonAsync(request, await ForwardAsync(request));
            default:
                return await ForwardAsync(request);
        }
    }

    // Besu puts the revert data of a failed transaction in its receipt; replay it on Anvil to find it.
    private async Task<JsonNode> WithRevertReasonAsync(JsonObject request, JsonNode answer)
    {
        if (answer["result"] is not JsonObject receipt || receipt["status"]?.GetValue<string>() != "0x0")
        {
            return answer;
        }

        var transaction = (await ForwardAsync(Request("eth_getTransactionByHash", receipt["transactionHash"]!.DeepClone())))["result"]!;
        var call = new JsonObject { ["from"] = transaction["from"]!.DeepClone(), ["to"] = transaction["to"]?.DeepClone(), ["data"] = transaction["input"]!.DeepClone() };
        var block = ulong.Parse(receipt["blockNumber"]!.GetValue<string>()[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        foreach (var at in new[] { block, block - 1 })
        {
            var replay = await ForwardAsync(Request("eth_call", call.DeepClone(), "0x" + at.ToString("x", CultureInfo.InvariantCulture)));
            if (replay["error"]?["data"]?.GetValue<string>() is { Length: > 2 } data)
            {
                receipt["revertReason"] = data;
                break;
            }
        }

        return answer;
    }

    private async Task<ulong> RangeAsync(JsonObject filter)
    {
        async Task<ulong> BlockAsync(JsonNode? tag)
        {
            var text = tag?.GetValue<string>() ?? "latest";
            if (text is "latest" or "pending" or "safe" or "finalized")
            {
                text = (await ForwardAsync(Request("eth_blockNumber")))["result"]!.GetValue<string>();
            }

            return text == "earliest" ? 0 : ulong.Parse(text[2..], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }

        var from = await BlockAsync(filter["fromBlock"]);
        var to = await BlockAsync(filter["toBlock"]);
        return to >= from ? to - from + 1 : 0;
    }

    private async Task<JsonNode> ForwardAsync(JsonObject request)
    {
        using var response = await _upstream.PostAsJsonAsync("", request);
        return (await response.Content.ReadFromJsonAsync<JsonNode>())!;
    }

    private JsonObject Error(JsonObject request, int code, string message)
    {
        Refusals.AddOrUpdate(code, 1, (_, n) => n + 1);
        return new JsonObject { ["jsonrpc"] = "2.0", ["id"] = request["id"]?.DeepClone(), ["error"] = new JsonObject { ["code"] = code, ["message"] = message } };
    }

    private static JsonObject Result(JsonObject request, JsonNode result) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = request["id"]?.DeepClone(), ["result"] = result };

    private static JsonObject Request(string method, params JsonNode?[] parameters) =>
        new() { ["jsonrpc"] = "2.0", ["id"] = 1, ["method"] = method, ["params"] = new JsonArray(parameters) };
}
