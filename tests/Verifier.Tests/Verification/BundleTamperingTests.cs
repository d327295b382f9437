using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>Every way of altering a genuine bundle is caught, and the report names the check that caught it.</summary>
public sealed class BundleTamperingTests(VerifierFixture fixture) : IClassFixture<VerifierFixture>
{
    public static TheoryData<string, string, string[]> Tamperings => new()
    {
        // name, JSON edit, the checks that must fail (all others must pass or be skipped)
        { "holder name", "certificate.holder.name=李四", ["integrity"] },
        { "salt", "salt=00000000000000000000000000000000", ["integrity"] },
        { "issue date", "certificate.issuedAt=2020-01-01T00:00:00Z", ["integrity"] },
        { "leaf hash", "leafHash=flip", ["integrity", "inclusion-proof"] },
        { "proof path", "proof.path.0=flip", ["inclusion-proof"] },
        { "leaf index", "proof.leafIndex=#2", ["inclusion-proof"] },
        { "root", "proof.root=flip", ["inclusion-proof", "anchor"] },
        { "tree size", "proof.treeSize=#4", ["anchor"] },
        { "hash algorithm", "hashAlgorithm=SHA-256", ["integrity", "inclusion-proof", "anchor"] },
        { "anchor contract", "anchor.contract=0x000000000000000000000000000000000000dEaD", ["trusted-deployment"] },
        { "chain id", "anchor.chainId=#1", ["trusted-deployment"] },
        { "anchoring transaction", "anchor.transactionHash=flip", ["anchor"] },
        { "anchoring block", "anchor.blockNumber=#1", ["anchor"] },
    };

    [Fact]
    public async Task The_genuine_bundles_verify()
    {
        foreach (var bundle in fixture.Bundles)
        {
            var report = await VerifyAsync(JsonSerializer.SerializeToNode(bundle, JsonSerializerOptions.Web)!);
            Assert.True(report.GetProperty("valid").GetBoolean(), report.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public async Task A_tampered_bundle_is_invalid_and_the_failing_check_is_named(string what, string edit, string[] mustFail)
    {
        var bundle = JsonSerializer.SerializeToNode(fixture.Bundles[0], JsonSerializerOptions.Web)!;
        Apply(bundle, edit);

        var report = await VerifyAsync(bundle);

        Assert.False(report.GetProperty("valid").GetBoolean(), what);
        Assert.Equal("invalid", report.GetProperty("verdict").GetString());
        var failed = report.GetProperty("checks").EnumerateArray()
            .Where(c => c.GetProperty("status").GetString() == "failed")
            .Select(c => c.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(mustFail, failed);
    }

    [Theory]
    [InlineData("not json at all", "unreadable-body")]
    [InlineData("{\"format\":\"trustledger.bundle.v1\",\"proof\":{\"leafIndex\":\"zero\"}}", "unreadable-body")]
    [InlineData("{}", "malformed-bundle")]
    [InlineData("[1,2,3]", "unreadable-body")]
    [InlineData("{\"format\":\"a\",\"format\":\"trustledger.bundle.v1\"}", "unreadable-body")]
    public async Task A_malformed_body_is_a_400_problem_never_a_500(string body, string problem)
    {
        using var client = fixture.Verifier.CreateClient();
        var response = await client.PostAsync("/api/v1/verify", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var type = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("type").GetString();
        Assert.EndsWith(problem, type, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_hex_in_a_well_typed_bundle_lists_each_bad_field()
    {
        var bundle = JsonSerializer.SerializeToNode(fixture.Bundles[0], JsonSerializerOptions.Web)!;
        bundle["salt"] = "not-hex";
        bundle["proof"]!["root"] = "abc";
        using var client = fixture.Verifier.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/verify", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("salt", out _));
        Assert.True(errors.TryGetProperty("proof.root", out _));
    }

    public static TheoryData<string, string, string> Malformed => new()
    {
        { "no anchoring transaction", "anchor.transactionHash", "anchor.transactionHash" },
        { "no anchoring block", "anchor.blockNumber", "anchor.blockNumber" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_bundle_missing_what_the_anchor_check_reads_is_a_400(string what, string remove, string field)
    {
        var bundle = JsonSerializer.SerializeToNode(fixture.Bundles[0], JsonSerializerOptions.Web)!;
        var path = remove.Split('.');
        bundle[path[0]]!.AsObject().Remove(path[1]);
        using var client = fixture.Verifier.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/verify", bundle);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Theory]
    [InlineData("salt", "\n")]
    [InlineData("leafHash", "\n")]
    [InlineData("proof.root", "\n")]
    [InlineData("proof.path", "\n")]
    [InlineData("anchor.transactionHash", "\n")]
    public async Task A_hex_value_with_a_trailing_newline_is_malformed_not_a_500(string field, string suffix)
    {
        var bundle = JsonSerializer.SerializeToNode(fixture.Bundles[0], JsonSerializerOptions.Web)!;
        var path = field.Split('.');
        var parent = path.Length == 1 ? bundle : bundle[path[0]]!;
        if (parent[path[^1]] is JsonArray array)
        {
            array[0] = array[0]!.GetValue<string>() + suffix;
        }
        else
        {
            parent[path[^1]] = parent[path[^1]]!.GetValue<string>() + suffix;
        }

        using var client = fixture.Verifier.CreateClient();

        var response = await client.PostAsJsonAsync("/api/v1/verify", bundle);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("\"\\ud800\"")]
    public async Task A_certificate_without_a_canonical_form_is_a_400_naming_the_member(string raw)
    {
        var bundle = JsonSerializer.SerializeToNode(fixture.Bundles[0], JsonSerializerOptions.Web)!;
        bundle["certificate"]!["hostile"] = "__RAW__";
        var body = bundle.ToJsonString().Replace("\"__RAW__\"", raw, StringComparison.Ordinal);
        using var client = fixture.Verifier.CreateClient();

        var response = await client.PostAsync("/api/v1/verify", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("certificate.hostile", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<JsonElement> VerifyAsync(JsonNode bundle)
    {
        using var client = fixture.Verifier.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/verify", bundle);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    // "a.b.0=value" sets a nested string, "=#2" a number; "=flip" flips the last hex digit of the current value.
    private static void Apply(JsonNode bundle, string edit)
    {
        var (path, value) = (edit[..edit.IndexOf('=', StringComparison.Ordinal)].Split('.'), edit[(edit.IndexOf('=', StringComparison.Ordinal) + 1)..]);
        var parent = bundle;
        foreach (var step in path[..^1])
        {
            parent = int.TryParse(step, out var i) ? parent[i]! : parent[step]!;
        }

        var last = path[^1];
        JsonNode? current = int.TryParse(last, out var index) ? parent[index] : parent[last];
        JsonNode replacement = value switch
        {
            "flip" => JsonValue.Create(Flip(current!.GetValue<string>())),
            ['#', .. var digits] => JsonValue.Create(long.Parse(digits, System.Globalization.CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(value),
        };
        if (int.TryParse(last, out index))
        {
            parent[index] = replacement;
        }
        else
        {
            parent[last] = replacement;
        }
    }

    private static string Flip(string hex) => hex[..^1] + (hex[^1] == '0' ? '1' : '0');
}
