using System.Text;
using System.Text.Json.Nodes;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.CertService.BadInput;

/// <summary>Who sends a case.</summary>
public enum Caller
{
    Anonymous,
    Demo,
    Other,
    Admin,
}

/// <summary>
/// One generated hostile request. <see cref="MustRefuse"/>: the answer must be a 4xx (a retyped,
/// duplicated, truncated or mis-encoded body, a hostile path, a wrong role); otherwise a 2xx is
/// allowed too (a removed optional member, a long free text), but never a 5xx.
/// Placeholders in the path: {own}, {others} (certificates of the Demo and the other department),
/// {demo} (the Demo department's credit code), {resource} (the catalog entry).
/// </summary>
public sealed record BadInputCase(string Name, string Method, string Path, Caller Caller, string? ContentType, byte[]? Body, bool MustRefuse);

/// <summary>
/// The generator: every JSON body of CertService with each member removed, nulled, retyped,
/// oversized, duplicated and given a trailing newline; each body truncated, mis-encoded, nested too
/// deep, empty, of the wrong kind or media type; every path parameter of every route swapped for
/// traversal, NUL, SQL, overlong, Unicode and out-of-range values; every route called without
/// credentials and with the wrong role; other departments' ids.
/// </summary>
public static class BadInputCases
{
    private static readonly Lazy<Dictionary<string, BadInputCase>> All = new(Generate);

    public static BadInputCase Get(string name) => All.Value[name];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var name in All.Value.Keys)
        {
            data.Add(name);
        }

        return data;
    }

    public static int Count => All.Value.Count;

    private static readonly (string Name, string Path, Caller Caller, Func<JsonNode> Body)[] Bodies =
    [
        ("certificate", "/api/v1/certificates", Caller.Demo, () => Issuing.BusinessLicence("恶意输入测试公司")),
        ("batch", "/api/v1/certificates:batch", Caller.Demo, () => new JsonArray(Issuing.BusinessLicence("批量恶意输入公司"))),
        ("suspend", "/api/v1/certificates/{own}/suspend", Caller.Demo, () => new JsonObject { ["reason"] = 1, ["effectiveAt"] = "2026-12-01T08:00:00+08:00" }),
        ("department", "/api/v1/admin/departments", Caller.Admin, () => new JsonObject { ["creditCode"] = "11610100MB2957017X", ["name"] = "西安市恶意输入局" }),
        ("type-grant", "/api/v1/admin/departments/{demo}/grants", Caller.Admin, () => new JsonObject { ["typeCode"] = "11100000000013338W001" }),
        ("seal", "/api/v1/admin/departments/{demo}/seals", Caller.Admin, () => new JsonObject
        {
            ["code"] = "XA-SEAL-BAD", ["name"] = "恶意输入专用章", ["type"] = 1, ["validFrom"] = "2026-01-01T00:00:00+08:00", ["validUntil"] = "2029-12-31T23:59:59+08:00",
        }),
        ("seal-suspend", "/api/v1/admin/seals/XA-SEAL-NONE/suspend", Caller.Admin, () => new JsonObject { ["reason"] = 1 }),
        ("catalog-entry", "/api/v1/admin/data/resources", Caller.Admin, () => new JsonObject
        {
            ["code"] = "XA-BADENTRY", ["name"] = "恶意目录", ["sourceDepartment"] = TestDepartments.Demo.CreditCode, ["updateCycle"] = "daily",
            ["sharingClass"] = "conditional", ["openClass"] = "none",
            ["fields"] = new JsonArray(new JsonObject { ["name"] = "creditCode", ["personal"] = false }),
        }),
        ("data-request", "/api/v1/data/resources/{resource}/requests", Caller.Other, () => new JsonObject
        {
            ["purpose"] = "税务核验", ["legalBasis"] = "《税收征收管理法》", ["notAfter"] = DateTimeOffset.UtcNow.AddMonths(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        }),
        ("agency", "/api/v1/admin/agencies", Caller.Admin, () => new JsonObject { ["code"] = "XA-AGENCY-BAD", ["name"] = "恶意输入机构", ["encryptionPublicKey"] = "04" + new string('1', 128) }),
        ("cross-check", "/api/v1/data/resources/{resource}/versions/1/rows/0/cross-check", Caller.Other, () => new JsonObject
        {
            ["authoritativeRow"] = new JsonObject { ["creditCode"] = "91610000MA6TGX" }, ["record"] = new JsonObject { ["creditCode"] = "91610000MA6TGX" },
        }),
        ("row-verify", "/api/v1/data/resources/{resource}/versions/1/rows/0/verify", Caller.Demo, () => new JsonObject { ["creditCode"] = "91610000MA6TGX" }),
        ("decision", "/api/v1/data/requests/00000000-0000-0000-0000-000000000001/approve", Caller.Demo, () => new JsonObject { ["reason"] = "同意" }),
        ("delivery", "/api/v1/data/requests/00000000-0000-0000-0000-000000000001/deliveries", Caller.Demo, () => new JsonObject { ["version"] = 1, ["dataHash"] = new string('a', 64), ["channel"] = "file" }),
    ];

    // (method, template, the caller allowed to call it, true when it takes a JSON body); the catalog is read by every signed-in caller.
    private static readonly (string Method, string Template, Caller Caller, bool Json)[] Routes =
    [
        ("GET", "/api/v1/certificates/{id:own}", Caller.Demo, false),
        ("GET", "/api/v1/certificates/{id:own}/bundle", Caller.Demo, false),
        ("GET", "/api/v1/certificates/{id:own}/pdf", Caller.Demo, false),
        ("GET", "/api/v1/certificates/{id:own}/history", Caller.Demo, false),
        ("POST", "/api/v1/certificates/{id:own}/revoke", Caller.Demo, true),
        ("POST", "/api/v1/certificates/{id:own}/suspend", Caller.Demo, true),
        ("POST", "/api/v1/certificates/{id:own}/reinstate", Caller.Demo, true),
        ("GET", "/api/v1/admin/certificates/{id:own}/history", Caller.Admin, false),
        ("GET", "/api/v1/admin/departments/{code:demo}", Caller.Admin, false),
        ("GET", "/api/v1/admin/departments/{code:demo}/grants", Caller.Admin, false),
        ("POST", "/api/v1/admin/departments/{code:demo}/grants", Caller.Admin, true),
        ("DELETE", "/api/v1/admin/departments/{code:demo}/grants/{type:11100000000013338W999}", Caller.Admin, false),
        ("GET", "/api/v1/admin/departments/{code:demo}/api-keys", Caller.Admin, false),
        ("DELETE", "/api/v1/admin/api-keys/{id:00000000-0000-0000-0000-000000000001}", Caller.Admin, false),
        ("POST", "/api/v1/admin/departments/{code:demo}/seals", Caller.Admin, true),
        ("GET", "/api/v1/seals/{code:XA-SEAL-NONE}", Caller.Anonymous, false),
        ("POST", "/api/v1/admin/seals/{code:XA-SEAL-NONE}/suspend", Caller.Admin, true),
        ("POST", "/api/v1/admin/seals/{code:XA-SEAL-NONE}/reinstate", Caller.Admin, true),
        ("POST", "/api/v1/admin/seals/{code:XA-SEAL-NONE}/revoke", Caller.Admin, true),
        ("GET", "/api/v1/types/{code:11100000000013338W001}", Caller.Anonymous, false),
        ("GET", "/api/v1/data/resources/{code:resource}", Caller.Demo, false),
        ("POST", "/api/v1/data/resources/{code:resource}/requests", Caller.Other, true),
        ("POST", "/api/v1/data/requests/{id:00000000-0000-0000-0000-000000000001}/approve", Caller.Demo, true),
        ("POST", "/api/v1/data/requests/{id:00000000-0000-0000-0000-000000000001}/refuse", Caller.Demo, true),
        ("POST", "/api/v1/data/requests/{id:00000000-0000-0000-0000-000000000001}/deliveries", Caller.Demo, true),
        ("GET", "/api/v1/admin/data/resources/{code:resource}/trail", Caller.Admin, false),
        ("GET", "/api/v1/data/resources/{code:resource}/versions/{version:1}", Caller.Demo, false),
        ("GET", "/api/v1/data/resources/{code:resource}/versions/{version:1}/rows/{index:0}/proof", Caller.Demo, false),
        ("POST", "/api/v1/data/resources/{code:resource}/versions/{version:1}/rows/{index:0}/verify", Caller.Demo, true),
        ("POST", "/api/v1/data/resources/{code:resource}/versions/{version:1}/rows/{index:0}/cross-check", Caller.Other, true),
        ("GET", "/api/v1/open-data/{code:resource}/versions/{version:1}/rows/{index:0}/proof", Caller.Anonymous, false),
        ("POST", "/api/v1/admin/quarantine/certificates/{id:own}/retry", Caller.Admin, false),
        ("POST", "/api/v1/admin/quarantine/batches/{id:00000000-0000-0000-0000-000000000001}/retry", Caller.Admin, false),
        ("POST", "/api/v1/admin/quarantine/status-changes/{id:00000000-0000-0000-0000-000000000001}/retry", Caller.Admin, false),
    ];

    private static readonly (string Name, string Value)[] HostilePathValues =
    [
        ("traversal", "..%2F..%2F..%2Fetc%2Fpasswd"),
        // (A ".." segment, bare or as %2E%2E, is removed by the client before sending, RFC 3986 5.2.4;
        // the traversal with encoded slashes above is what reaches the app.)
        // A raw %00 never reaches the app: Kestrel answers 400 itself (and the in-process test server refuses
        // to build the request), so the app is given the escaped text instead.
        ("nul", "abc%2500def"),
        ("sql", "1%27%20OR%20%271%27%3D%271"),
        ("overlong", new string('A', 3000)),
        ("unicode", "%E8%AF%81%E7%85%A7"),
        ("zero-guid", "00000000-0000-0000-0000-000000000000"),
        ("negative", "-1"),
        ("beyond-long", "99999999999999999999999"),
        ("newline", "abc%0A"),
    ];

    private static Dictionary<string, BadInputCase> Generate()
    {
        var cases = new Dictionary<string, BadInputCase>(StringComparer.Ordinal);
        void Add(BadInputCase c) => cases.Add(c.Name, c);

        foreach (var (name, path, caller, make) in Bodies)
        {
            var original = make();
            foreach (var (member, mutated, mustRefuse) in MemberMutations(original))
            {
                // A bulk import rejects a bad row in its 200 report (the test then checks that a report of
                // nothing accepted stored nothing); every other endpoint refuses the request.
                Add(new($"{name} {member}", "POST", path, caller, "application/json", Encoding.UTF8.GetBytes(mutated), mustRefuse && original is not JsonArray));
            }

            var text = original.ToJsonString();
            var bytes = Encoding.UTF8.GetBytes(text);
            Add(new($"{name} truncated", "POST", path, caller, "application/json", bytes[..(bytes.Length / 2)], true));
            Add(new($"{name} invalid UTF-8", "POST", path, caller, "application/json", [.. bytes[..^1], 0xC3, 0x28, .. bytes[^1..]], true));
            Add(new($"{name} empty body", "POST", path, caller, "application/json", [], true));
            Add(new($"{name} the literal null", "POST", path, caller, "application/json", "null"u8.ToArray(), true));
            Add(new($"{name} the wrong kind", "POST", path, caller, "application/json", Encoding.UTF8.GetBytes(original is JsonArray ? "{}" : "[]"), true));
            Add(new($"{name} nested 5000 deep", "POST", path, caller, "application/json", Encoding.UTF8.GetBytes(new string('[', 5000) + new string(']', 5000)), true));
            Add(new($"{name} a number no double holds", "POST", path, caller, "application/json", Encoding.UTF8.GetBytes("1e400"), true));
            Add(new($"{name} as text/plain", "POST", path, caller, "text/plain", bytes, true));
            Add(new($"{name} as XML", "POST", path, caller, "application/xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>"), true));
            Add(new($"{name} a BOM then garbage", "POST", path, caller, "application/json", [0xEF, 0xBB, 0xBF, .. "{\"a\":"u8.ToArray()], true));
        }

        foreach (var (method, template, caller, json) in Routes)
        {
            var parameters = System.Text.RegularExpressions.Regex.Matches(template, @"\{([a-z]+):([^}]+)\}").Select(m => (Token: m.Value, Real: m.Groups[2].Value)).ToList();
            string With(string? hostileToken = null, string? hostile = null) =>
                parameters.Aggregate(template, (path, p) => path.Replace(p.Token, p.Token == hostileToken ? hostile! : RealValue(p.Real), StringComparison.Ordinal));
            var body = json ? "{}"u8.ToArray() : null;
            var contentType = json ? "application/json" : null;
            foreach (var (token, _) in parameters)
            {
                foreach (var (valueName, value) in HostilePathValues)
                {
                    Add(new($"{method} {template} with {token} {valueName}", method, With(token, value), caller, contentType, body, true));
                }
            }

            if (caller != Caller.Anonymous)
            {
                Add(new($"{method} {template} without credentials", method, With(), Caller.Anonymous, contentType, body, true));
                if (template != "/api/v1/data/resources/{code:resource}")
                {
                    Add(new($"{method} {template} with the wrong role", method, With(), caller == Caller.Admin ? Caller.Demo : Caller.Admin, contentType, body, true));
                }
            }

            if (template.Contains("{id:own}", StringComparison.Ordinal) && caller == Caller.Demo)
            {
                Add(new($"{method} {template} with the other department's certificate", method, template.Replace("{id:own}", "{others}", StringComparison.Ordinal), Caller.Demo, contentType, body, true));
            }
        }

        return cases;
    }

    private static string RealValue(string placeholder) => placeholder switch
    {
        "own" => "{own}",
        "demo" => "{demo}",
        "resource" => "{resource}",
        _ => placeholder,
    };

    /// <summary>Each member (top level and one level down) removed, nulled, retyped, oversized, duplicated and newline-suffixed.</summary>
    private static IEnumerable<(string Member, string Body, bool MustRefuse)> MemberMutations(JsonNode original)
    {
        var target = original is JsonArray array ? (JsonObject)array[0]! : (JsonObject)original;
        var prefix = original is JsonArray ? "[0]." : "";
        var paths = new List<string[]>();
        foreach (var (key, value) in target)
        {
            paths.Add([key]);
            if (value is JsonObject nested)
            {
                paths.AddRange(nested.Select(n => new[] { key, n.Key }));
            }
        }

        foreach (var path in paths)
        {
            var label = prefix + string.Join('.', path);
            var value = Locate(target, path);
            yield return ($"{label} removed", Mutate(original, path, parent => parent.Remove(path[^1])), false);
            yield return ($"{label} null", Mutate(original, path, parent => parent[path[^1]] = null), false);
            var kind = value?.GetValueKind();
            if (kind != System.Text.Json.JsonValueKind.Number)
            {
                yield return ($"{label} a number", Mutate(original, path, parent => parent[path[^1]] = 12345), true);
            }

            if (kind != System.Text.Json.JsonValueKind.String)
            {
                yield return ($"{label} a string", Mutate(original, path, parent => parent[path[^1]] = "not-what-it-should-be"), true);
            }

            if (kind != System.Text.Json.JsonValueKind.Array)
            {
                yield return ($"{label} an array", Mutate(original, path, parent => parent[path[^1]] = new JsonArray(1, 2)), true);
            }

            if (kind != System.Text.Json.JsonValueKind.Object)
            {
                yield return ($"{label} an object", Mutate(original, path, parent => parent[path[^1]] = new JsonObject { ["x"] = 1 }), true);
            }

            yield return ($"{label} 70,000 characters", Mutate(original, path, parent => parent[path[^1]] = new string('证', 70_000)), false);
            if (kind == System.Text.Json.JsonValueKind.String)
            {
                yield return ($"{label} with a trailing newline", Mutate(original, path, parent => parent[path[^1]] = value!.GetValue<string>() + "\n"), false);
                yield return ($"{label} with a lone surrogate", Mutate(original, path, parent => parent[path[^1]] = "__SURROGATE__").Replace("__SURROGATE__", "\\ud800", StringComparison.Ordinal), false);
            }

            // The member given twice: a second copy inserted right after the first.
            var key = System.Text.Json.JsonSerializer.Serialize(path[^1]);
            var text = original.ToJsonString();
            var at = text.IndexOf(key + ":", StringComparison.Ordinal);
            if (at >= 0)
            {
                yield return ($"{label} given twice", text.Insert(at, $"{key}:\"duplicate\","), true);
            }
        }
    }

    private static JsonNode? Locate(JsonObject target, string[] path) => path.Length == 1 ? target[path[0]] : target[path[0]]![path[1]];

    private static string Mutate(JsonNode original, string[] path, Action<JsonObject> change)
    {
        var copy = original.DeepClone();
        var target = copy is JsonArray array ? (JsonObject)array[0]! : (JsonObject)copy;
        var parent = path.Length == 1 ? target : (JsonObject)target[path[0]]!;
        change(parent);
        return copy.ToJsonString();
    }
}
