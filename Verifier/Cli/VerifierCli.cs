using System.Text.Json;
using Microsoft.Extensions.Configuration;
using TrustLedger.Ledger.Bundles;
using TrustLedger.Ledger.Canonical;
using TrustLedger.Ledger.Chain;
using TrustLedger.Ledger.Hosting;
using TrustLedger.Verifier.Verification;

namespace TrustLedger.Verifier.Cli;

/// <summary>
/// <c>TrustLedger.Verifier verify --bundle FILE [--pdf FILE] [--at TIME] [--rpc URL] [--deployment FILE]</c>:
/// the same checks as the API, run locally against a chain node. No database, no CertService: the
/// bundle (and PDF) and a node's RPC URL are enough; the deployment record names the contracts to
/// trust. Prints the report as JSON. Exit code 0 valid, 1 not valid (the verdict says why),
/// 2 unknown (the chain could not be asked), 64 usage.
/// </summary>
public static class VerifierCli
{
    public const int Valid = 0;
    public const int NotValid = 1;
    public const int Unknown = 2;
    public const int Usage = 64;

    private static readonly JsonSerializerOptions Output = new(JsonSerializerOptions.Web) { WriteIndented = true };

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = Parse(args);
        if (options is null || !options.TryGetValue("bundle", out var bundlePath))
        {
            await error.WriteLineAsync("usage: TrustLedger.Verifier verify --bundle FILE [--pdf FILE] [--at 2026-12-01T08:00:00+08:00] [--rpc http://127.0.0.1:8545] [--deployment devnet/.state/deployment.json]");
            return Usage;
        }

        CertificateBundle? bundle;
        try
        {
            bundle = JsonSerializer.Deserialize<CertificateBundle>(await File.ReadAllTextAsync(bundlePath), StrictJson.Options);
        }
        catch (Exception ex) when (ex is IOException or JsonException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"cannot read the bundle {bundlePath}: {ex.Message}");
            return Usage;
        }

        var (evidence, errors) = BundleReader.Read(bundle);
        if (evidence is null)
        {
            await error.WriteLineAsync("not a trustledger.bundle.v1 bundle: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
            return Usage;
        }

        if (options.TryGetValue("pdf", out var pdfPath))
        {
            evidence.Document = await File.ReadAllBytesAsync(pdfPath);
        }

        var clock = time ?? TimeProvider.System;
        evidence.At = clock.GetUtcNow();
        if (options.TryGetValue("at", out var atText))
        {
            if (!VerificationTime.TryParse(atText, out var at))
            {
                await error.WriteLineAsync($"--at {atText} is not a date and time from 1970-01-01T00:00:00Z to before 9000-01-01T00:00:00Z");
                return Usage;
            }

            evidence.At = at;
            evidence.AtWasAsked = true;
        }

        var deploymentFile = options.GetValueOrDefault("deployment", "devnet/.state/deployment.json");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Chain:RpcUrl"] = options.GetValueOrDefault("rpc", "http://127.0.0.1:8545"),
            ["Chain:DeploymentFile"] = deploymentFile,
        }).Build();
        // Which contracts the verdict trusts is part of the verdict: said on stderr, so stdout stays the report.
        await error.WriteLineAsync($"trusting the deployment in {Path.GetFullPath(deploymentFile)}");
        var services = new ServiceCollection().AddTrustLedgerChain(configuration).AddVerificationChecks().AddSingleton(clock);
        await using var provider = services.BuildServiceProvider();
        VerificationReport report;
        try
        {
            report = await provider.GetRequiredService<BundleVerifier>().VerifyAsync(evidence);
        }
        catch (InvalidOperationException ex)
        {
            await error.WriteLineAsync(ex.Message); // e.g. no deployment record
            return Usage;
        }

        await output.WriteLineAsync(JsonSerializer.Serialize(report, Output));
        return report.Verdict switch
        {
            "valid" => Valid,
            "unknown" => Unknown,
            _ => NotValid,
        };
    }

    private static Dictionary<string, string>? Parse(string[] args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                return null;
            }

            options[args[i][2..]] = args[i + 1];
        }

        return options;
    }
}
