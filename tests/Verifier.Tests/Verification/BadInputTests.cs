using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// The Verifier's part of the bad-input suite: a genuine anchored bundle with each member (three
/// levels deep) removed, nulled, retyped, changed, oversized, newline-suffixed and duplicated; the
/// body truncated, mis-encoded, nested too deep, empty, of the wrong kind or media type; hostile
/// <c>at</c> values, QR payloads and citizen-page tokens. Whatever the case: never a 5xx, a refusal
/// is an RFC 9457 problem naming no exception, and a changed bundle is never reported valid.
/// </summary>
public sealed class BadInputTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    [Fact]
    public async Task Every_changed_bundle_is_refused_or_reported_not_valid_and_every_hostile_request_is_answered_cleanly()
    {
        // QR lookups reach the fixture's CertService, so a well-formed payload gets a real answer, not a 503.
        await using var verifier = new TrustLedger.Tests.Testing.VerifierFactory(fixture, certService: fixture.CertService);
        using var client = verifier.CreateClient();
        var genuineText = JsonSerializer.Serialize(fixture.Bundles[1], JsonSerializerOptions.Web);
        var genuine = JsonNode.Parse(genuineText)!;
        var problems = new List<string>();
        var genuineReport = await client.PostAsync("/api/v1/verify", Json(genuineText));
        Assert.Equal("valid", JsonDocument.Parse(await genuineReport.Content.ReadAsStringAsync()).RootElement.GetProperty("verdict").GetString());

        // A "change" that leaves the bundle as it was (null where it is null already) is no change.
        var unchanged = genuine.ToJsonString();
        var bundles = BundleMutations(genuine).Where(m => m.Body != unchanged).ToList();
        foreach (var (name, body) in bundles)
        {
            var response = await client.PostAsync("/api/v1/verify", Json(body));
            var text = await CheckAsync(name, response, problems);
            if (response.StatusCode == HttpStatusCode.OK && JsonDocument.Parse(text).RootElement.GetProperty("verdict").GetString() == "valid")
            {
                problems.Add($"{name}: a changed bundle verified valid");
            }
        }

        var requests = Requests().ToList();
        foreach (var (name, method, path, content) in requests)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = content?.Invoke() };
            var response = await client.SendAsync(request);
            var text = await CheckAsync(name, response, problems);
            if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "application/json"
                && JsonDocument.Parse(text).RootElement.TryGetProperty("verdict", out var verdict) && verdict.GetString() == "valid")
            {
                problems.Add($"{name}: reported valid");
            }
        }

        Assert.True(bundles.Count + requests.Count >= 200, $"{bundles.Count + requests.Count} cases");
        Assert.True(problems.Count == 0, $"{problems.Count} of {bundles.Count + requests.Count} cases broke a promise:\n" + string.Join("\n", problems.Take(40)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
    }

    private static async Task<string> CheckAsync(string name, HttpResponseMessage response, List<string> problems)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync();
        var mediaType = response.Content.Headers.ContentType?.MediaType;
        if (status >= 500)
        {
            problems.Add($"{name}: {status} {Shorten(text, 200)}");
        }
        else if (status >= 400 && mediaType is not ("application/problem+json" or "text/html"))
        {
            problems.Add($"{name}: {status} answered {mediaType}");
        }
        else if (mediaType == "application/problem+json" && TrustLedger.Tests.Testing.ProblemShape.Broken(JsonDocument.Parse(text).RootElement, status) is { } broken)
        {
            problems.Add($"{name}: {broken}");
        }

        if (text.Contains("Exception", StringComparison.Ordinal) || text.Contains("   at ", StringComparison.Ordinal))
        {
            problems.Add($"{name}: the answer names an exception: {Shorten(text, 200)}");
        }

        return text;
    }

    private static IEnumerable<(string Name, string Body)> BundleMutations(JsonNode genuine)
    {
        var paths = new List<string[]>();
        void Walk(JsonObject node, string[] prefix)
        {
            foreach (var (key, value) in node)
            {
                string[] path = [.. prefix, key];
                paths.Add(path);
                if (value is JsonObject child && path.Length < 3)
                {
                    Walk(child, path);
                }
            }
        }

        Walk((JsonObject)genuine, []);
        foreach (var path in paths)
        {
            var label = string.Join('.', path);
            var value = Locate(genuine, path);
            var kind = value?.GetValueKind();
            yield return ($"{label} removed", Mutate(genuine, path, (parent, key) => parent.Remove(key)));
            yield return ($"{label} null", Mutate(genuine, path, (parent, key) => parent[key] = null));
            if (kind != JsonValueKind.Number)
            {
                yield return ($"{label} a number", Mutate(genuine, path, (parent, key) => parent[key] = 7));
            }

            if (kind != JsonValueKind.String)
            {
                yield return ($"{label} a string", Mutate(genuine, path, (parent, key) => parent[key] = "x"));
            }

            if (kind != JsonValueKind.Object)
            {
                yield return ($"{label} an object", Mutate(genuine, path, (parent, key) => parent[key] = new JsonObject()));
            }

            if (kind != JsonValueKind.Array)
            {
                yield return ($"{label} an array", Mutate(genuine, path, (parent, key) => parent[key] = new JsonArray()));
            }

            if (kind == JsonValueKind.String)
            {
                var text = value!.GetValue<string>();
                yield return ($"{label} changed", Mutate(genuine, path, (parent, key) => parent[key] = text.Length == 0 ? "a" : (text[^1] == 'a' ? text[..^1] + "b" : text[..^1] + "a")));
                yield return ($"{label} with a trailing newline", Mutate(genuine, path, (parent, key) => parent[key] = text + "\n"));
                yield return ($"{label} 100,000 characters", Mutate(genuine, path, (parent, key) => parent[key] = new string('证', 100_000)));
            }

            if (kind == JsonValueKind.Number)
            {
                yield return ($"{label} plus one", Mutate(genuine, path, (parent, key) => parent[key] = value!.GetValue<long>() + 1));
                yield return ($"{label} negative", Mutate(genuine, path, (parent, key) => parent[key] = -1));
                yield return ($"{label} beyond a long", Mutate(genuine, path, (parent, key) => parent[key] = "__HUGE__").Replace("\"__HUGE__\"", "123456789012345678901234567890", StringComparison.Ordinal));
            }

            var keyJson = JsonSerializer.Serialize(path[^1]);
            var all = genuine.ToJsonString();
            var at = all.IndexOf(keyJson + ":", StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return ($"{label} given twice", all.Insert(at, $"{keyJson}:null,"));
            }
        }

        var bytes = genuine.ToJsonString();
        yield return ("truncated", bytes[..(bytes.Length / 2)]);
        yield return ("empty", "");
        yield return ("the literal null", "null");
        yield return ("an array", "[" + bytes + "]");
        yield return ("nested 10000 deep", new string('[', 10_000) + new string(']', 10_000));
        yield return ("a number no double holds", bytes.Replace("\"treeSize\":", "\"treeSize\":1e400,\"x\":", StringComparison.Ordinal));
        yield return ("a lone surrogate", bytes.Replace("\"certificate\":{", "\"certificate\":{\"zz\":\"\\udc00\",", StringComparison.Ordinal));
        yield return ("an unknown member", bytes.Replace("\"certificate\":{", "\"certificate\":{\"admin\":true,", StringComparison.Ordinal));
    }

    private static IEnumerable<(string Name, string Method, string Path, Func<HttpContent>? Content)> Requests()
    {
        string[] hostileAt = ["abc", "9999-12-31T23:59:59Z", "0001-01-01T00:00:00Z", "-1", "2026-13-45T00:00:00Z", new string('9', 5000), "2026-12-01T08:00:00+25:00", "%00"];
        foreach (var at in hostileAt)
        {
            yield return ($"verify with at={Shorten(at, 20)}", "POST", "/api/v1/verify?at=" + Uri.EscapeDataString(at), () => Json("{}"));
            yield return ($"verify/qr with at={Shorten(at, 20)}", "POST", "/api/v1/verify/qr?at=" + Uri.EscapeDataString(at), () => Json("{\"payload\":\"x\"}"));
        }

        string[] payloads =
        [
            "", "x", "http://evil.example/v/0192f0e2-7a1c-7000-8000-000000000001?h=0123456789abcdef", "http://127.0.0.1:5090/v/not-a-guid?h=0123456789abcdef",
            "http://127.0.0.1:5090/v/0192f0e2-7a1c-7000-8000-000000000001", "http://127.0.0.1:5090/v/0192f0e2-7a1c-7000-8000-000000000001?h=zz",
            "http://127.0.0.1:5090/v/0192f0e2-7a1c-7000-8000-000000000001?h=0123456789abcdef", "javascript:alert(1)", "http://127.0.0.1:5090/v/../../etc/passwd?h=0123456789abcdef",
            "http://127.0.0.1:5090/v/0192f0e2-7a1c-7000-8000-000000000001?h=0123456789abcdef\n", new string('A', 100_000), "http://user:pass@127.0.0.1:5090/v/0192f0e2-7a1c-7000-8000-000000000001?h=0123456789abcdef",
            // A host Uri parses but IDNA refuses (found by the qr-payload fuzzer): its IdnHost throws.
            "http://127700\u03C00-7a1c-30-700\u03C00-7a1c-.0.0.1:90/v/0192f0e2-7a1c-7000-8000-00ef00000001?h=0123456789fbcd00",
        ];
        foreach (var payload in payloads)
        {
            yield return ($"verify/qr payload {Shorten(payload, 60)}", "POST", "/api/v1/verify/qr", () => Json(JsonSerializer.Serialize(new { payload })));
        }

        foreach (var body in new[] { "{\"payload\":7}", "{\"payload\":null}", "{\"payload\":[]}", "{\"payload\":\"a\",\"payload\":\"b\"}", "[]", "null", "", "{\"payload\":\"\\ud800\"}" })
        {
            yield return ($"verify/qr body {body}", "POST", "/api/v1/verify/qr", () => Json(body));
        }

        string[] tokens = ["x", "00000000-0000-0000-0000-000000000000", "0192f0e2-7a1c-7000-8000-000000000001", "%2E%2E%2F%2E%2E%2Fetc%2Fpasswd", new string('a', 3000), "%E8%AF%81", "'%20OR%201=1"];
        string[] checks = ["", "?h=zz", "?h=0123456789abcdef", "?h=0123456789abcdef&lang=xx", "?h=" + new string('0', 5000)];
        foreach (var token in tokens)
        {
            foreach (var check in checks)
            {
                yield return ($"citizen page {Shorten(token, 20)}{Shorten(check, 20)}", "GET", $"/v/{token}{check}", null);
            }

            yield return ($"expert report {Shorten(token, 20)}", "GET", $"/v/{token}/report?h=0123456789abcdef", null);
        }

        yield return ("verify as text/plain", "POST", "/api/v1/verify", () => new StringContent("{}", Encoding.UTF8, "text/plain"));
        yield return ("verify as XML with an entity", "POST", "/api/v1/verify", () => new StringContent("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", Encoding.UTF8, "application/xml"));
        yield return ("verify with invalid UTF-8", "POST", "/api/v1/verify", () => Raw([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}'], "application/json"));
        yield return ("verify/pdf as JSON", "POST", "/api/v1/verify/pdf", () => Json("{}"));
        yield return ("verify/pdf multipart without parts", "POST", "/api/v1/verify/pdf", () => new MultipartFormDataContent());
        yield return ("verify/pdf multipart with a wrong boundary", "POST", "/api/v1/verify/pdf", () => Raw(Encoding.ASCII.GetBytes("--a\r\nContent-Disposition: form-data; name=\"document\"\r\n\r\nx\r\n--a--\r\n"), "multipart/form-data; boundary=b"));
        yield return ("verify/pdf multipart truncated", "POST", "/api/v1/verify/pdf", () => Raw(Encoding.ASCII.GetBytes("--b\r\nContent-Disposition: form-data; name=\"document\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7"), "multipart/form-data; boundary=b"));
        yield return ("verify/pdf a part without Content-Disposition", "POST", "/api/v1/verify/pdf", () => Raw(Encoding.ASCII.GetBytes("--b\r\n\r\nx\r\n--b--\r\n"), "multipart/form-data; boundary=b"));
        yield return ("verify/pdf 2000 fields", "POST", "/api/v1/verify/pdf", () =>
        {
            var form = new MultipartFormDataContent();
            for (var i = 0; i < 2000; i++)
            {
                form.Add(new StringContent("x"), $"f{i}");
            }

            return form;
        });
        yield return ("verify/pdf a bundle file part over 1 MB", "POST", "/api/v1/verify/pdf", () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n")) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "document", "a.pdf");
            form.Add(new ByteArrayContent(new byte[(1024 * 1024) + 1]), "bundle", "bundle.json");
            return form;
        });
        yield return ("verify/pdf a bundle field over 1 MB", "POST", "/api/v1/verify/pdf", () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.7\n%%EOF\n")) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "document", "a.pdf");
            form.Add(new StringContent("{" + new string(' ', 1024 * 1024) + "}"), "bundle");
            return form;
        });
        yield return ("verify/pdf not a PDF", "POST", "/api/v1/verify/pdf", () =>
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent(Encoding.ASCII.GetBytes("GIF89a")) { Headers = { ContentType = new MediaTypeHeaderValue("application/pdf") } }, "document", "a.pdf");
            form.Add(new StringContent("{}"), "bundle");
            return form;
        });
        yield return ("GET on verify", "GET", "/api/v1/verify", null);
        yield return ("DELETE on verify/qr", "DELETE", "/api/v1/verify/qr", null);
    }

    private static JsonNode? Locate(JsonNode root, string[] path) => path.Aggregate((JsonNode?)root, (node, key) => node?[key]);

    private static string Mutate(JsonNode genuine, string[] path, Action<JsonObject, string> change)
    {
        var copy = genuine.DeepClone();
        var parent = (JsonObject)Locate(copy, path[..^1])!;
        change(parent, path[^1]);
        return copy.ToJsonString();
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static ByteArrayContent Raw(byte[] body, string contentType)
    {
        var content = new ByteArrayContent(body);
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return content;
    }

    private static string Shorten(string text, int length = 400) => text.Length > length ? text[..length] + "…" : text;
}
