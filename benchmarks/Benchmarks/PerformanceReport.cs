using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace TrustLedger.Benchmarks;

/// <summary>
/// Writes docs/performance.md from one run: BenchmarkDotNet's JSON results beside the OpenSSL
/// figures measured in the same invocation, each as a ratio, with the targets of issue #7. The
/// machine is noisy and has 2 cores, so only same-run ratios are meaningful.
/// </summary>
public static partial class PerformanceReport
{
    public static void Write(string resultsFolder, string opensslFile, string loadFolder, string output)
    {
        var ours = ReadBenchmarks(resultsFolder);
        var openssl = File.ReadAllText(opensslFile);
        var md = new StringBuilder();
        md.AppendLine("# Performance").AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"One run of `benchmarks/run.sh` (micro-benchmarks, OpenSSL, then `benchmarks/load.sh postgres`) finished {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC. Machine: {Machine()}.");
        md.AppendLine(CultureInfo.InvariantCulture, $"Reference: {FirstLine(openssl)}, `openssl speed` in the same invocation. BenchmarkDotNet short job (3 warm-ups, 3 iterations): figures are indicative; compare ratios, not absolutes.").AppendLine();
        md.AppendLine("| measure | ours | reference | ratio | target | met |").AppendLine("| --- | --- | --- | --- | --- | --- |");

        var (sm2Sign, sm2Verify) = OpenSslSm2(openssl);
        Row(md, "SM2 sign (ops/s)", PerSecond(ours, "Sm2Sign"), sm2Sign, "OpenSSL sm2 sign/s", 1.0, higherIsBetter: true);
        Row(md, "SM2 verify (ops/s)", PerSecond(ours, "Sm2Verify"), sm2Verify, "OpenSSL sm2 verify/s", 1.0, higherIsBetter: true);
        var sm3 = OpenSslBlocks(openssl, "sm3");
        foreach (var (size, column) in new[] { (256, 2), (4096, 4), (8192, 4), (1 << 20, 5) })
        {
            var target = size == 8192 ? 0.8 : (double?)null;
            Row(md, $"SM3 over {Size(size)} (MB/s)", MegabytesPerSecond(ours, "Sm3", "Size", size), sm3?[column] / 1000, $"OpenSSL sm3, {Size(Blocks[column])} blocks", target, higherIsBetter: true);
        }

        foreach (var size in new[] { 256, 8192 })
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| SHA-256 over {Size(size)} (MB/s, .NET) | {Format(MegabytesPerSecond(ours, "Sha256", "Size", size))} | — | — | — | — |");
        }

        Row(md, "SM4-GCM, 4 KiB (MB/s)", MegabytesPerSecond(ours, "Sm4GcmEncrypt4KiB", null, 4096), OpenSslBlocks(openssl, "SM4-CTR")?[4] / 1000, "OpenSSL SM4-CTR, 8 KiB (no GHASH)", null, higherIsBetter: true);
        Row(md, "AES-256-GCM, 4 KiB (MB/s, .NET)", MegabytesPerSecond(ours, "Aes256GcmEncrypt4KiB", null, 4096), OpenSslBlocks(openssl, "AES-256-GCM")?[4] / 1000, "OpenSSL AES-256-GCM, 8 KiB", null, higherIsBetter: true);
        foreach (var leaves in new[] { 1_000, 10_000, 100_000 })
        {
            var build = Mean(ours, "BuildTreeAndEveryProof", "Leaves", leaves);
            var once = Mean(ours, "HashLeavesOnce", "Leaves", leaves);
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| Merkle: build + every proof, {leaves:N0} leaves (ms) | {Format(build / 1e6)} | {Format(once / 1e6)} (SM3 over the leaves once) | {Format(build / once)}x | ≤ 3x | {Met(build / once <= 3)} |");
        }

        md.AppendLine(CultureInfo.InvariantCulture, $"| Merkle: verify one proof, 100,000 leaves (µs) | {Format(Mean(ours, "VerifyOneProof", "Leaves", 100_000) / 1e3)} | — | — | — | — |");
        foreach (var leaves in new[] { 1_000, 10_000, 100_000 })
        {
            var (shortest, longest) = ProofLengths(leaves);
            var bound = (int)Math.Ceiling(Math.Log2(leaves));
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| Merkle: proof lengths over all {leaves:N0} leaves (hashes, measured) | {shortest}–{longest} | ⌈log2 N⌉ = {bound} | — | ≤ ⌈log2 N⌉ | {Met(longest <= bound)} (RFC 9162: leaves in a short right subtree need fewer) |");
        }
        md.AppendLine(CultureInfo.InvariantCulture, $"| JCS of a certificate (µs) | {Format(Mean(ours, "CanonicaliseCertificate") / 1e3)} | — | — | — | — |");
        var sealedPdf = Mean(ours, "RenderSealed");
        md.AppendLine(CultureInfo.InvariantCulture, $"| PDF render, unsealed (ms) | {Format(Mean(ours, "RenderUnsealed") / 1e6)} | — | — | — | — |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| PDF render + SM2 seal (ms; documents/s on one core) | {Format(sealedPdf / 1e6)} ({Format(1e9 / sealedPdf)}/s) | — | — | ≥ 100/s (issuance with PDF) | {Met(1e9 / sealedPdf >= 100)} (one core) |");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"SM2 and SM3 run on libcrypto (OpenSSL {FirstLine(openssl).Split(' ').ElementAtOrDefault(1)}) through P/Invoke; BouncyCastle stays the reference and is measured beside it:");
        md.AppendLine().AppendLine("| measure | libcrypto (ours) | BouncyCastle (reference) | ratio |").AppendLine("| --- | --- | --- | --- |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| SM2 sign (ops/s) | {Format(PerSecond(ours, "Sm2Sign"))} | {Format(PerSecond(ours, "Sm2SignBouncyCastle"))} | {Format(PerSecond(ours, "Sm2Sign") / PerSecond(ours, "Sm2SignBouncyCastle"))}x |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| SM2 verify (ops/s) | {Format(PerSecond(ours, "Sm2Verify"))} | {Format(PerSecond(ours, "Sm2VerifyBouncyCastle"))} | {Format(PerSecond(ours, "Sm2Verify") / PerSecond(ours, "Sm2VerifyBouncyCastle"))}x |");
        md.AppendLine(CultureInfo.InvariantCulture, $"| SM3 over 8 KiB (MB/s) | {Format(MegabytesPerSecond(ours, "Sm3", "Size", 8192))} | {Format(MegabytesPerSecond(ours, "Sm3BouncyCastle", "Size", 8192))} | {Format(MegabytesPerSecond(ours, "Sm3", "Size", 8192) / MegabytesPerSecond(ours, "Sm3BouncyCastle", "Size", 8192))}x |");
        LoadReport.Append(md, loadFolder);
        md.AppendLine().AppendLine("The million-row dataset figures come from `DatasetScaleTests` (see data-trust.md). What was changed to reach these figures, and what the gaps mean: [performance-notes.md](performance-notes.md).");
        File.WriteAllText(output, md.ToString());
    }

    private static readonly int[] Blocks = [16, 64, 256, 1024, 8192, 16384];

    // Builds a tree of random leaves and reads every inclusion proof's length.
    private static (int Shortest, int Longest) ProofLengths(int leaves)
    {
        var hasher = new Ledger.Merkle.MerkleHasher(Ledger.Hashing.Sm3HashFunction.Instance);
        var tree = Ledger.Merkle.MerkleTree.Build(hasher, Enumerable.Range(0, leaves).Select(_ => System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToList());
        var lengths = Enumerable.Range(0, leaves).Select(i => tree.ProveInclusion(i).Path.Count).ToList();
        return (lengths.Min(), lengths.Max());
    }

    private static List<JsonElement> ReadBenchmarks(string folder)
    {
        var all = new List<JsonElement>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            if (document.RootElement.TryGetProperty("Benchmarks", out var benchmarks))
            {
                all.AddRange(benchmarks.EnumerateArray().Select(b => b.Clone()));
            }
        }

        return all;
    }

    private static double Mean(List<JsonElement> ours, string method, string? parameter = null, int value = 0)
    {
        var match = ours.FirstOrDefault(b => b.GetProperty("Method").GetString() == method
            && (parameter is null || b.GetProperty("Parameters").GetString()!.Contains($"{parameter}={value}", StringComparison.Ordinal)));
        return match.ValueKind == JsonValueKind.Object && match.TryGetProperty("Statistics", out var stats) && stats.ValueKind == JsonValueKind.Object
            ? stats.GetProperty("Mean").GetDouble()
            : double.NaN;
    }

    private static double PerSecond(List<JsonElement> ours, string method) => 1e9 / Mean(ours, method);

    private static double MegabytesPerSecond(List<JsonElement> ours, string method, string? parameter, int size) =>
        size / Mean(ours, method, parameter, size) * 1e9 / 1e6;

    private static (double Sign, double Verify) OpenSslSm2(string openssl)
    {
        var match = Sm2Line().Match(openssl);
        return match.Success
            ? (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture))
            : (double.NaN, double.NaN);
    }

    /// <summary>An <c>openssl speed -evp</c> row: thousands of bytes per second at 16, 64, 256, 1024, 8192 and 16384-byte blocks.</summary>
    private static double[]? OpenSslBlocks(string openssl, string algorithm)
    {
        foreach (var line in openssl.Split('\n'))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 7 && string.Equals(parts[0], algorithm, StringComparison.OrdinalIgnoreCase) && parts[1].EndsWith('k'))
            {
                return parts.Skip(1).Select(p => double.Parse(p.TrimEnd('k'), CultureInfo.InvariantCulture)).ToArray();
            }
        }

        return null;
    }

    private static void Row(StringBuilder md, string measure, double ours, double? reference, string referenceName, double? target, bool higherIsBetter)
    {
        var ratio = reference is { } r && r > 0 ? ours / r : double.NaN;
        var targetText = target is { } t ? $"≥ {t:0.0#}x" : "—";
        var met = target is { } goal ? Met(higherIsBetter ? ratio >= goal : ratio <= goal) : "—";
        md.AppendLine(CultureInfo.InvariantCulture, $"| {measure} | {Format(ours)} | {Format(reference ?? double.NaN)} ({referenceName}) | {Format(ratio)}x | {targetText} | {met} |");
    }

    private static string Met(bool met) => met ? "yes" : "**no**";

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture);

    private static string Size(int bytes) => bytes >= 1 << 20 ? $"{bytes >> 20} MiB" : bytes >= 1024 ? $"{bytes >> 10} KiB" : $"{bytes} B";

    private static string FirstLine(string text) => text.Split('\n').FirstOrDefault()?.Trim() ?? "OpenSSL";

    private static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        return $"{cpu ?? RuntimeInformation.ProcessArchitecture.ToString()}, {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }

    [GeneratedRegex(@"SM2 \(CurveSM2\)\s+\S+\s+\S+\s+([0-9.]+)\s+([0-9.]+)")]
    private static partial Regex Sm2Line();
}
