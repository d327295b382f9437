using System.Diagnostics;
using System.Net;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>
/// The citizen page in a real browser: Debian's Chromium, headless, at a phone's viewport, in
/// Chinese and then in English through the page's own language link, with screenshots
/// (written to TRUSTLEDGER_SCREENSHOTS when set; docs/images holds ones taken this way).
/// </summary>
[Collection(LifecycleChain.Name)]
public sealed class BrowserTests(LifecycleFixture fixture) : IDisposable
{
    private static readonly string[] Binaries = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];

    private readonly string _folder = Directory.CreateTempSubdirectory("citizen-page-").FullName;

    [Fact]
    public async Task Headless_Chromium_renders_the_QR_page_in_both_languages_with_the_verdict_and_masked_holder()
    {
        var port = FreePort.Next();
        using var verifier = new VerifierFactory(fixture, certService: fixture.CertService);
        verifier.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        verifier.StartServer();
        var page = $"http://127.0.0.1:{port}{fixture.Expiring.QrPath}";
        var holder = fixture.Expiring.Bundle.Certificate.GetProperty("holder");

        var zh = await ChromiumAsync("--dump-dom", page);
        var englishLink = System.Text.RegularExpressions.Regex.Match(zh, "href=\"([^\"]*lang=en[^\"]*)\"").Groups[1].Value.Replace("&amp;", "&", StringComparison.Ordinal);
        var en = await ChromiumAsync("--dump-dom", $"http://127.0.0.1:{port}{englishLink}");
        var zhShot = await ScreenshotAsync(page, "citizen-page-zh.png");
        var enShot = await ScreenshotAsync($"http://127.0.0.1:{port}{englishLink}", "citizen-page-en.png");

        Assert.Contains("data-verdict=\"valid\"", zh, StringComparison.Ordinal);
        Assert.Contains("有效", zh, StringComparison.Ordinal);
        Assert.Contains("lang=\"en\"", en, StringComparison.Ordinal);
        Assert.Contains(">Valid<", en, StringComparison.Ordinal);
        foreach (var dom in new[] { zh, en })
        {
            Assert.DoesNotContain(holder.GetProperty("name").GetString()!, dom, StringComparison.Ordinal);
            Assert.DoesNotContain(holder.GetProperty("code").GetString()!, dom, StringComparison.Ordinal);
        }

        foreach (var shot in new[] { zhShot, enShot })
        {
            var bytes = await File.ReadAllBytesAsync(shot);
            Assert.True(bytes.Length > 5_000, $"{shot} is {bytes.Length} bytes: not a rendered page");
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], bytes[..4]);
        }
    }

    private async Task<string> ScreenshotAsync(string url, string name)
    {
        var target = Path.Combine(Environment.GetEnvironmentVariable("TRUSTLEDGER_SCREENSHOTS") is { Length: > 0 } folder ? folder : _folder, name);
        await ChromiumAsync($"--screenshot={target}", url);
        return target;
    }

    private async Task<string> ChromiumAsync(string mode, string url)
    {
        var binary = Binaries.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: devnet/setup.sh installs Debian's chromium package");
        var start = new ProcessStartInfo(binary) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=390,844", $"--user-data-dir={Path.Combine(_folder, "profile")}", mode, url })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // our own child, stopped by its pid
            throw new TimeoutException($"Chromium did not finish {mode} {url}: {await errors}");
        }

        Assert.True(process.ExitCode == 0, $"Chromium exited {process.ExitCode}: {await errors}");
        return await output;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
