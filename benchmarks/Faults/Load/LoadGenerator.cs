using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using TrustLedger.Faults.Stack;

namespace TrustLedger.Faults.Load;

/// <summary>
/// Steady load through both instances: single issuance (sealed PDF and data-only), bulk issuance,
/// suspensions, reinstatements and revocations of certificates already anchored, and dataset
/// versions. A request goes to a random instance; one that does not answer (it is being killed) is
/// tried on the other. Only a 2xx answer with an id counts as acknowledged.
/// </summary>
public sealed class LoadGenerator(IReadOnlyList<CertServiceInstance> instances, IReadOnlyList<Department> departments, string datasetResource, string sample, Acknowledged acknowledged) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(20) };
    private readonly ConcurrentDictionary<Guid, string> _lifecycle = new();
    private readonly ConcurrentDictionary<Guid, byte> _busy = new();
    private int _datasetRows;

    /// <summary>Runs <paramref name="workers"/> request loops until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync(int workers, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => WorkAsync(w, stop), CancellationToken.None)));

    private async Task WorkAsync(int worker, CancellationToken stop)
    {
        var random = new Random(worker * 7919 + Environment.TickCount);
        while (!stop.IsCancellationRequested)
        {
            try
            {
                var pick = random.Next(100);
                var department = departments[random.Next(departments.Count)];
                if (pick < 25)
                {
                    await IssueAsync(department, dataOnly: false, random);
                }
                else if (pick < 50)
                {
                    await IssueAsync(department, dataOnly: true, random);
                }
                else if (pick < 58)
                {
                    await IssueBulkAsync(department, random);
                }
                else if (pick < 95)
                {
                    await ChangeStatusAsync(random);
                }
                else
                {
                    await PublishDatasetAsync(random);
                }

                await Task.Delay(random.Next(20, 120), stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task IssueAsync(Department department, bool dataOnly, Random random)
    {
        var body = Certificate(random, dataOnly);
        var (status, answer, instance) = await SendAsync(HttpMethod.Post, "/api/v1/certificates", department.ApiKey, JsonContent.Create(body));
        if (status == HttpStatusCode.Accepted && answer?["id"]?.GetValue<Guid>() is { } id)
        {
            acknowledged.Certificates[id] = new AcknowledgedCertificate(id, department.CreditCode, dataOnly ? "data-only" : "pdf", instance, DateTimeOffset.UtcNow);
            _lifecycle[id] = "active";
        }
    }

    private async Task IssueBulkAsync(Department department, Random random)
    {
        var rows = new JsonArray(Enumerable.Range(0, random.Next(5, 21)).Select(_ => (JsonNode)Certificate(random, dataOnly: random.Next(3) > 0)).ToArray());
        var (status, answer, instance) = await SendAsync(HttpMethod.Post, "/api/v1/certificates:batch", department.ApiKey, new StringContent(rows.ToJsonString(), Encoding.UTF8, "application/json"));
        if (status != HttpStatusCode.OK || answer?["rows"] is not JsonArray report)
        {
            return;
        }

        foreach (var row in report)
        {
            if (row?["status"]?.GetValue<string>() == "accepted" && row["id"]?.GetValue<Guid>() is { } id)
            {
                acknowledged.Certificates[id] = new AcknowledgedCertificate(id, department.CreditCode, "bulk", instance, DateTimeOffset.UtcNow);
                _lifecycle[id] = "active";
            }
        }
    }

    // Suspend, reinstate or revoke a certificate acknowledged earlier; 409 (not anchored yet) is expected and not counted.
    private async Task ChangeStatusAsync(Random random)
    {
        var candidates = _lifecycle.Where(c => c.Value != "revoked").Select(c => c.Key).ToList();
        if (candidates.Count == 0)
        {
            return;
        }

        var id = candidates[random.Next(candidates.Count)];
        if (!_busy.TryAdd(id, 0))
        {
            return;
        }

        try
        {
            var current = _lifecycle[id];
            var action = current == "suspended" ? (random.Next(4) == 0 ? "revoke" : "reinstate") : (random.Next(5) == 0 ? "revoke" : "suspend");
            var department = departments.Single(d => d.CreditCode == acknowledged.Certificates[id].Department);
            var (status, answer, instance) = await SendAsync(HttpMethod.Post, $"/api/v1/certificates/{id}/{action}", department.ApiKey, JsonContent.Create(new { reason = random.Next(1, 5) }));
            if (status == HttpStatusCode.Accepted && answer?["id"]?.GetValue<Guid>() is { } changeId)
            {
                var to = action switch { "revoke" => "revoked", "suspend" => "suspended", _ => "active" };
                acknowledged.StatusChanges[changeId] = new AcknowledgedChange(changeId, id, to, instance, DateTimeOffset.UtcNow);
                _lifecycle[id] = to;
            }
        }
        finally
        {
            _busy.TryRemove(id, out _);
        }
    }

    private async Task PublishDatasetAsync(Random random)
    {
        var source = departments[0];
        var rows = new StringBuilder("name,value\n");
        for (var i = 0; i < random.Next(10, 40); i++)
        {
            rows.Append(CultureInfo.InvariantCulture, $"行{Interlocked.Increment(ref _datasetRows)},{random.Next()}\n");
        }

        var (status, answer, _) = await SendAsync(HttpMethod.Post, $"/api/v1/data/resources/{datasetResource}/versions", source.ApiKey, new StringContent(rows.ToString(), Encoding.UTF8, "text/csv"));
        if (status == HttpStatusCode.Created && answer?["version"]?.GetValue<int>() is { } version)
        {
            acknowledged.DatasetVersions[(datasetResource, version)] = answer["root"]!.GetValue<string>();
        }
    }

    private JsonObject Certificate(Random random, bool dataOnly)
    {
        var body = JsonNode.Parse(sample)!.AsObject();
        body["holder"]!["name"] = "西安故障测试有限公司" + random.Next(1_000_000).ToString(CultureInfo.InvariantCulture);
        if (dataOnly)
        {
            body["document"] = "none";
        }

        return body;
    }

    // To a random instance; on no answer (being killed, restarting), to the other. The answer's status, body and who gave it.
    private async Task<(HttpStatusCode? Status, JsonNode? Body, string Instance)> SendAsync(HttpMethod method, string path, string apiKey, HttpContent content)
    {
        var first = Random.Shared.Next(instances.Count);
        var body = await content.ReadAsByteArrayAsync();
        var mediaType = content.Headers.ContentType;
        for (var attempt = 0; attempt < instances.Count; attempt++)
        {
            var instance = instances[(first + attempt) % instances.Count];
            using var request = new HttpRequestMessage(method, instance.BaseUrl + path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = mediaType;
            request.Headers.Add("X-Api-Key", apiKey);
            try
            {
                using var response = await _http.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 300)
                {
                    acknowledged.Refused(((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                }

                return (response.StatusCode, string.IsNullOrEmpty(text) || !text.TrimStart().StartsWith('{') ? null : JsonNode.Parse(text), instance.Name);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                // No answer (or half of one): the request may or may not have been done, and is not acknowledged.
                acknowledged.Refused(ex.GetType().Name);
            }
        }

        return (null, null, "");
    }

    public void Dispose() => _http.Dispose();
}
