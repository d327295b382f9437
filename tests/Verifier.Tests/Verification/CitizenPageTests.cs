using System.Net;
using System.Text;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>The page the QR code opens: a verdict at a glance, personal data masked, helpful when the code is bad.</summary>
[Collection(LifecycleChain.Name)]
public sealed class CitizenPageTests(LifecycleFixture fixture)
{
    [Fact]
    public async Task A_valid_certificate_shows_a_green_verdict_with_the_holder_masked_in_both_languages()
    {
        using var client = fixture.Verifier.CreateClient();
        var certificate = fixture.Expiring; // not touched by other tests
        var holder = certificate.Bundle.Certificate.GetProperty("holder");
        var name = holder.GetProperty("name").GetString()!;
        var code = holder.GetProperty("code").GetString()!;

        var zh = await client.GetAsync(certificate.QrPath);
        var en = await client.GetAsync(certificate.QrPath + "&lang=en");

        Assert.Equal(HttpStatusCode.OK, zh.StatusCode);
        Assert.Equal("text/html", zh.Content.Headers.ContentType?.MediaType);
        var zhHtml = await zh.Content.ReadAsStringAsync();
        var enHtml = await en.Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"valid\"", zhHtml, StringComparison.Ordinal);
        Assert.Contains("有效", zhHtml, StringComparison.Ordinal);
        Assert.Contains(">Valid<", enHtml, StringComparison.Ordinal);
        Assert.Contains($"{name[0]}********{name[^1]}", zhHtml, StringComparison.Ordinal);
        Assert.Contains($"{code[..4]}**********{code[^4..]}", zhHtml, StringComparison.Ordinal);
        Assert.Contains(certificate.Bundle.Certificate.GetProperty("issuer").GetProperty("name").GetString()!, zhHtml, StringComparison.Ordinal);
        foreach (var html in new[] { zhHtml, enHtml })
        {
            Assert.DoesNotContain(name, html, StringComparison.Ordinal);
            Assert.DoesNotContain(code, html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
            Assert.True(Encoding.UTF8.GetByteCount(html) < 100 * 1024);
        }
    }

    [Fact]
    public async Task The_expert_report_link_gives_every_check_and_the_proof_without_personal_data()
    {
        using var client = fixture.Verifier.CreateClient();
        var certificate = fixture.Expiring;
        var html = await client.GetStringAsync(certificate.QrPath);
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/v/[^\"]+/report[^\"]+)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);

        var report = await client.GetStringAsync(link);

        Assert.Contains("\"verdict\":\"valid\"", report, StringComparison.Ordinal);
        Assert.Contains(certificate.Bundle.Proof.Root, report, StringComparison.Ordinal);
        Assert.DoesNotContain(certificate.Bundle.Certificate.GetProperty("holder").GetProperty("code").GetString()!, report, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/v/not-a-certificate")]
    [InlineData("/v/00000000-0000-0000-0000-000000000000?h=0123456789abcdef")]
    [InlineData("/v/00000000-0000-0000-0000-000000000000?h=<script>")]
    public async Task Bad_or_unknown_codes_get_a_helpful_page_not_an_error_dump(string path)
    {
        using var client = fixture.Verifier.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-verdict=\"not-found\"", html, StringComparison.Ordinal);
        Assert.Contains("未找到该证照", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }
}
