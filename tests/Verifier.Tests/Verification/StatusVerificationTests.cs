using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>Status on every entry point (bundle, PDF, QR), at any point in time, and never stale.</summary>
[Collection(LifecycleChain.Name)]
public sealed class StatusVerificationTests(LifecycleFixture fixture)
{
    [Fact]
    public async Task A_revoked_certificate_is_revoked_on_every_entry_point()
    {
        var revoked = fixture.Revoked;

        var bundle = await VerifyBundleAsync(revoked.Bundle);
        var pdf = await VerifyPdfAsync(revoked);
        var qr = await VerifyQrAsync("http://127.0.0.1:5090" + revoked.QrPath);

        foreach (var report in new[] { bundle, pdf, qr })
        {
            Assert.Equal("revoked", report.GetProperty("verdict").GetString());
            Assert.Equal("revoked", report.GetProperty("status").GetString());
            Assert.Equal(["status"], Failed(report));
        }

        using var client = fixture.Verifier.CreateClient();
        var page = await client.GetStringAsync(revoked.QrPath);
        Assert.Contains("data-verdict=\"revoked\"", page, StringComparison.Ordinal);
        Assert.Contains("已吊销", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Point_in_time_answers_are_right_on_both_sides_of_the_revocation_and_of_the_anchoring()
    {
        var revoked = fixture.Revoked;

        var justBefore = await VerifyBundleAsync(revoked.Bundle, fixture.RevokedAt.AddSeconds(-1));
        var atRevocation = await VerifyBundleAsync(revoked.Bundle, fixture.RevokedAt);
        var beforeIssuance = await VerifyBundleAsync(revoked.Bundle, fixture.RevokedAt.AddDays(-2));

        Assert.Equal("valid", justBefore.GetProperty("verdict").GetString());
        Assert.Equal("revoked", atRevocation.GetProperty("verdict").GetString());
        Assert.Equal("invalid", beforeIssuance.GetProperty("verdict").GetString());
        Assert.Equal("never-issued", beforeIssuance.GetProperty("status").GetString());
        Assert.Contains("block", Detail(atRevocation, "status"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_certificate_past_its_validity_date_is_expired_then_and_valid_now()
    {
        var now = await VerifyBundleAsync(fixture.Expiring.Bundle);
        var later = await VerifyBundleAsync(fixture.Expiring.Bundle, DateTimeOffset.UtcNow.AddDays(20));

        Assert.Equal("valid", now.GetProperty("verdict").GetString());
        Assert.Equal("expired", later.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task A_new_status_change_is_seen_at_once_although_earlier_answers_were_cached()
    {
        var valid = fixture.Valid;
        var cache = fixture.Verifier.Services.GetRequiredService<ChainFactsCache>();
        Assert.Equal("valid", (await VerifyBundleAsync(valid.Bundle)).GetProperty("verdict").GetString());
        var hits = cache.Hits;
        Assert.Equal("valid", (await VerifyBundleAsync(valid.Bundle)).GetProperty("verdict").GetString());
        Assert.True(cache.Hits > hits, "the second verification of unchanged facts should come from the cache");

        (await fixture.Department.PostAsJsonAsync($"/api/v1/certificates/{valid.Id}/suspend", new { reason = 4 })).EnsureSuccessStatusCode();
        await fixture.RunRoundAsync();
        var suspended = await VerifyBundleAsync(valid.Bundle);
        (await fixture.Department.PostAsJsonAsync($"/api/v1/certificates/{valid.Id}/reinstate", new { reason = 4 })).EnsureSuccessStatusCode();
        await fixture.RunRoundAsync();
        var reinstated = await VerifyBundleAsync(valid.Bundle);

        Assert.Equal("suspended", suspended.GetProperty("verdict").GetString());
        Assert.Equal("valid", reinstated.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task No_holder_identifier_or_certificate_identifier_appears_in_any_chain_data()
    {
        var secrets = new[] { fixture.Revoked, fixture.Valid, fixture.Expiring }.SelectMany(c => new[]
        {
            c.Bundle.Certificate.GetProperty("holder").GetProperty("code").GetString()!,
            c.Bundle.Certificate.GetProperty("holder").GetProperty("name").GetString()!,
            c.Bundle.Certificate.GetProperty("identifier").GetString()!,
        }).Select(s => Convert.ToHexStringLower(Encoding.UTF8.GetBytes(s))).ToList();
        var head = await fixture.Chain.GetHeadBlockAsync();

        var inputs = new List<string>();
        for (ulong number = 0; number <= head; number++)
        {
            var block = await fixture.Chain.Web3.Eth.Blocks.GetBlockWithTransactionsByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(number));
            inputs.AddRange(block.Transactions.Select(t => t.Input ?? ""));
        }

        Assert.NotEmpty(inputs);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(inputs, input => input.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_receipt_signs_the_report_with_the_Verifiers_SM2_key_and_a_changed_report_no_longer_matches()
    {
        using var client = fixture.Verifier.CreateClient();

        var body = await (await client.PostAsJsonAsync("/api/v1/verify?receipt=true", fixture.Revoked.Bundle, JsonSerializerOptions.Web)).Content.ReadAsStringAsync();
        var key = await client.GetFromJsonAsync<JsonElement>("/api/v1/receipts/key");

        var report = System.Text.Json.Nodes.JsonNode.Parse(body)!.AsObject();
        var receipt = report["receipt"]!.AsObject();
        report.Remove("receipt");
        var reportSm3 = Convert.ToHexStringLower(TrustLedger.Ledger.Hashing.HashFunctions.Hash(TrustLedger.Ledger.Hashing.Sm3HashFunction.Instance, TrustLedger.Ledger.Canonical.JsonCanonicalizer.Canonicalize(report.ToJsonString())));
        Assert.Equal(reportSm3, receipt["reportSm3"]!.GetValue<string>());
        Assert.Equal(key.GetProperty("publicKey").GetString(), receipt["verifier"]!.GetValue<string>());
        var signed = TrustLedger.Verifier.Receipts.ReceiptSigner.SignedPart(reportSm3, receipt["issuedAt"]!.GetValue<string>(), receipt["verifier"]!.GetValue<string>());
        var publicKey = TrustLedger.Ledger.Crypto.Sm2KeyPair.PublicKeyFrom(Convert.FromHexString(key.GetProperty("publicKey").GetString()!));
        Assert.True(TrustLedger.Ledger.Crypto.Sm2Signature.Verify(publicKey, signed, Convert.FromHexString(receipt["signature"]!.GetValue<string>())));
        // Someone who edits the filed report (revoked → valid) no longer matches the receipt.
        report["verdict"] = "valid";
        var edited = Convert.ToHexStringLower(TrustLedger.Ledger.Hashing.HashFunctions.Hash(TrustLedger.Ledger.Hashing.Sm3HashFunction.Instance, TrustLedger.Ledger.Canonical.JsonCanonicalizer.Canonicalize(report.ToJsonString())));
        Assert.NotEqual(reportSm3, edited);
        // Without ?receipt=true there is none.
        Assert.DoesNotContain("\"receipt\"", await (await client.PostAsJsonAsync("/api/v1/verify", fixture.Revoked.Bundle, JsonSerializerOptions.Web)).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Verifier_whose_clock_runs_behind_the_chain_does_not_call_a_fresh_certificate_never_issued()
    {
        using var lagging = fixture.Verifier.WithWebHostBuilder(builder => builder.ConfigureServices(
            services => services.AddSingleton<TimeProvider>(new LaggingClock(TimeSpan.FromHours(1)))));
        using var client = lagging.CreateClient();

        var implicitNow = await (await client.PostAsJsonAsync("/api/v1/verify", fixture.Expiring.Bundle, JsonSerializerOptions.Web)).Content.ReadFromJsonAsync<JsonElement>();
        var askedBefore = await (await client.PostAsJsonAsync("/api/v1/verify" + Query(DateTimeOffset.UtcNow.AddHours(-1)), fixture.Expiring.Bundle, JsonSerializerOptions.Web)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(implicitNow.GetProperty("at").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddMinutes(-50), "the Verifier under test should run an hour behind");
        Assert.Equal("valid", implicitNow.GetProperty("verdict").GetString());
        Assert.Equal("never-issued", askedBefore.GetProperty("status").GetString()); // a time the caller names is taken as named
    }

    private sealed class LaggingClock(TimeSpan lag) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() - lag;
    }

    [Fact]
    public async Task Bad_QR_payloads_and_times_get_problems()
    {
        using var client = fixture.Verifier.CreateClient();

        var malformed = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = "https://example.com/not-ours" });
        var unknown = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = $"http://127.0.0.1:5090/v/{Guid.NewGuid()}?h=0123456789abcdef" });
        var wrongCheck = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = $"http://127.0.0.1:5090/v/{fixture.Valid.Id}?h=0123456789abcdef" });
        var otherHost = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = "http://evil.example" + fixture.Valid.QrPath });
        var otherPort = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = "http://127.0.0.1:5091" + fixture.Valid.QrPath });
        var relative = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = fixture.Valid.QrPath });
        var withUser = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = "http://127.0.0.1:5090@evil.example" + fixture.Valid.QrPath });
        var sameSite = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload = "HTTP://127.0.0.1:5090" + fixture.Valid.QrPath });
        var badTime = await client.PostAsJsonAsync("/api/v1/verify?at=yesterday", fixture.Valid.Bundle, JsonSerializerOptions.Web);

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongCheck.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badTime.StatusCode);
        Assert.All(new[] { otherHost, otherPort, relative, withUser }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(HttpStatusCode.OK, sameSite.StatusCode);
        Assert.All(new[] { malformed, unknown, wrongCheck, badTime, otherHost, otherPort, relative, withUser }, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
    }

    private async Task<JsonElement> VerifyBundleAsync(CertificateBundle bundle, DateTimeOffset? at = null)
    {
        using var client = fixture.Verifier.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/verify" + Query(at), bundle, JsonSerializerOptions.Web);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> VerifyPdfAsync(Certificate certificate)
    {
        using var client = fixture.Verifier.CreateClient();
        using var form = VerifierRequests.PdfForm(certificate.Pdf, certificate.Bundle);
        var response = await client.PostAsync("/api/v1/verify/pdf", form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<JsonElement> VerifyQrAsync(string payload)
    {
        using var client = fixture.Verifier.CreateClient();
        var response = await client.PostAsJsonAsync("/api/v1/verify/qr", new { payload });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private static string Query(DateTimeOffset? at) =>
        at is { } time ? "?at=" + Uri.EscapeDataString(time.ToString("O", CultureInfo.InvariantCulture)) : "";

    private static List<string> Failed(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().Where(c => c.GetProperty("status").GetString() == "failed").Select(c => c.GetProperty("name").GetString()!).ToList();

    private static string Detail(JsonElement report, string check) =>
        report.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == check).GetProperty("detail").GetString()!;
}
