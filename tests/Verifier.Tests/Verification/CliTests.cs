using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Tests.Testing;
using TrustLedger.Verifier.Cli;

namespace TrustLedger.Tests.Verifier.Verification;

/// <summary>The command-line verifier: only files and a chain RPC URL, and the same answers as the API.</summary>
[Collection(LifecycleChain.Name)]
public sealed class CliTests(LifecycleFixture fixture) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("verifier-cli-").FullName;

    [Fact]
    public async Task The_CLI_agrees_with_the_API_on_a_valid_bundle_a_revoked_PDF_and_a_time_in_the_past()
    {
        var cases = new (Certificate Certificate, bool Pdf, DateTimeOffset? At)[]
        {
            (fixture.Expiring, false, null),
            (fixture.Revoked, true, null),
            (fixture.Revoked, false, fixture.RevokedAt.AddSeconds(-1)),
        };

        foreach (var (certificate, pdf, at) in cases)
        {
            var (exit, cli) = await RunCliAsync(certificate, pdf, at);
            var api = await ApiAsync(certificate, pdf, at);

            Assert.Equal(api.GetProperty("verdict").GetString(), cli.GetProperty("verdict").GetString());
            Assert.Equal(api.GetProperty("status").GetString(), cli.GetProperty("status").GetString());
            Assert.Equal(Checks(api), Checks(cli));
            Assert.Equal(api.GetProperty("verdict").GetString() == "valid" ? VerifierCli.Valid : VerifierCli.NotValid, exit);
        }
    }

    [Fact]
    public async Task The_CLI_runs_as_its_own_process_with_only_a_file_and_an_RPC_URL()
    {
        var bundlePath = await WriteBundleAsync(fixture.Revoked.Bundle);
        var dll = Path.Combine(AppContext.BaseDirectory, "TrustLedger.Verifier.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "verify", "--bundle", bundlePath, "--rpc", fixture.RpcUrl, "--deployment", fixture.DeploymentFile })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(VerifierCli.NotValid, process.ExitCode);
        Assert.Equal("revoked", JsonDocument.Parse(stdout).RootElement.GetProperty("verdict").GetString());
    }

    [Fact]
    public async Task Bad_arguments_and_an_unreachable_node_give_their_own_exit_codes()
    {
        var bundlePath = await WriteBundleAsync(fixture.Valid.Bundle);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var usage = await VerifierCli.RunAsync(["--pdf", "x.pdf"], output, error);
        var missing = await VerifierCli.RunAsync(["--bundle", Path.Combine(_folder, "absent.json")], output, error);
        var unreachable = await VerifierCli.RunAsync(["--bundle", bundlePath, "--rpc", "http://127.0.0.1:1", "--deployment", fixture.DeploymentFile], output, error);
        // The API's bound on `at`: a time UTC+8 cannot represent is a usage error, not a crash.
        var tooLate = await VerifierCli.RunAsync(["--bundle", bundlePath, "--at", "9999-12-31T23:00:00Z", "--rpc", fixture.RpcUrl, "--deployment", fixture.DeploymentFile], output, error);

        Assert.Equal(VerifierCli.Usage, usage);
        Assert.Equal(VerifierCli.Usage, missing);
        Assert.Equal(VerifierCli.Unknown, unreachable);
        Assert.Equal(VerifierCli.Usage, tooLate);
        Assert.Contains("--at 9999-12-31T23:00:00Z is not a date and time from 1970", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"verdict\": \"unknown\"", output.ToString(), StringComparison.Ordinal);
        Assert.Contains($"trusting the deployment in {Path.GetFullPath(fixture.DeploymentFile)}", error.ToString(), StringComparison.Ordinal);
    }

    private async Task<(int Exit, JsonElement Report)> RunCliAsync(Certificate certificate, bool pdf, DateTimeOffset? at)
    {
        var args = new List<string> { "--bundle", await WriteBundleAsync(certificate.Bundle), "--rpc", fixture.RpcUrl, "--deployment", fixture.DeploymentFile };
        if (pdf)
        {
            var pdfPath = Path.Combine(_folder, $"{Guid.NewGuid():N}.pdf");
            await File.WriteAllBytesAsync(pdfPath, certificate.Pdf);
            args.AddRange(["--pdf", pdfPath]);
        }

        if (at is { } time)
        {
            args.AddRange(["--at", time.ToString("O", System.Globalization.CultureInfo.InvariantCulture)]);
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await VerifierCli.RunAsync([.. args], output, error);
        return (exit, JsonDocument.Parse(output.ToString()).RootElement.Clone());
    }

    private async Task<JsonElement> ApiAsync(Certificate certificate, bool pdf, DateTimeOffset? at)
    {
        using var client = fixture.Verifier.CreateClient();
        var query = at is { } time ? "?at=" + Uri.EscapeDataString(time.ToString("O", System.Globalization.CultureInfo.InvariantCulture)) : "";
        HttpResponseMessage response;
        if (pdf)
        {
            using var form = VerifierRequests.PdfForm(certificate.Pdf, certificate.Bundle);
            response = await client.PostAsync("/api/v1/verify/pdf" + query, form);
        }
        else
        {
            response = await client.PostAsJsonAsync("/api/v1/verify" + query, certificate.Bundle, JsonSerializerOptions.Web);
        }

        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    private async Task<string> WriteBundleAsync(CertificateBundle bundle)
    {
        var path = Path.Combine(_folder, $"{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(bundle, JsonSerializerOptions.Web));
        return path;
    }

    private static List<string> Checks(JsonElement report) =>
        report.GetProperty("checks").EnumerateArray().Select(c => $"{c.GetProperty("name").GetString()}={c.GetProperty("status").GetString()}").ToList();

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
