using System.Globalization;
using System.Text;

namespace TrustLedger.Benchmarks;

/// <summary>
/// The end-to-end section of docs/performance.md, from benchmarks/load.sh's key=value results: each
/// target of issue #7 beside its reference (the target itself, or the bound measured in the same
/// run) and the ratio; then, for every phase, the profile of where the time went.
/// </summary>
public static class LoadReport
{
    private static readonly string[] IssuingProcesses = ["certservice", "postgres", "chain"];

    public static void Append(StringBuilder md, string resultsFolder)
    {
        ArgumentNullException.ThrowIfNull(md);
        foreach (var file in Directory.EnumerateFiles(resultsFolder, "load-*.txt").Order(StringComparer.Ordinal))
        {
            var r = File.ReadLines(file).Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
            var store = r.GetValueOrDefault("store", "?");
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"## End to end: `benchmarks/load.sh {store}` ({r.GetValueOrDefault("date")})").AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture,
                $"Everything on this machine over loopback: Anvil (1-second blocks), CertService on {(store == "postgres" ? r.GetValueOrDefault("postgres", "PostgreSQL") + " with fsync and synchronous_commit on" : "SQLite")}, the Verifier, and hey ({r.GetValueOrDefault("concurrency")} connections) competing for the same {r.GetValueOrDefault("cores")} cores. Anchoring interval 1 s (one block period).").AppendLine();
            md.AppendLine("| measure | ours | reference | ratio | target | met |").AppendLine("| --- | --- | --- | --- | --- | --- |");

            var issueRate = D(r, "issue.requests_per_s");
            var issueSeconds = D(r, "issue.ok") / issueRate;
            Line(md, "Issuance, data-only (sealed SM2, encrypted, durable, anchored): certificates/s", issueRate, 2000, "target", "≥ 2,000/s for 60 s", issueRate >= 2000 && issueSeconds >= 60,
                $"{Format(D(r, "issue.ok"))} requests in {Format(issueSeconds)} s; p50 {Format(D(r, "issue.p50_ms"))} ms, p99 {Format(D(r, "issue.p99_ms"))} ms; {Format(D(r, "issue.errors"))} errors");
            var cpuParts = string.Join(", ", IssuingProcesses.Select(n => $"{n} {Format(D(r, $"issue.cpu_us_per_request.{n}"))}"));
            md.AppendLine(CultureInfo.InvariantCulture, $"| ↳ CPU per issuance (µs): {cpuParts}; the cores allow {Format(D(r, "cores") * 1e6 / IssuingProcesses.Sum(n => D(r, $"issue.cpu_us_per_request.{n}")))}/s before hey's share | | | | | |");
            var bound = 2 * D(r, "block_period_s") + 1;
            Line(md, "Acceptance → anchoring block, p99 (s)", D(r, "issue.anchored_p99_s"), bound, "2 block periods + 1 s", $"≤ {Format(bound)} s", D(r, "issue.anchored_p99_s") <= bound,
                $"p50 {Format(D(r, "issue.anchored_p50_s"))} s; {Format(D(r, "issue.batches"))} batches, largest {Format(D(r, "issue.largest_batch"))}; block timestamps have 1 s resolution");
            Line(md, "Certificates in one anchoring transaction, deep queue", D(r, "deep.largest_batch"), 10_000, "target", "≥ 10,000", D(r, "deep.largest_batch") >= 10_000,
                $"mining paused while 2 × 10,000 rows were imported; {Format(D(r, "deep.certificates"))} certificates in {Format(D(r, "deep.batches"))} batches");
            var pdfSpan = (DateTimeOffset.Parse(r["pdf.last_anchored"], CultureInfo.InvariantCulture) - DateTimeOffset.Parse(r["pdf.first_accepted"], CultureInfo.InvariantCulture)).TotalSeconds;
            var pdfRate = D(r, "pdf.certificates") / pdfSpan;
            Line(md, "Issuance with PDF rendering and sealing: certificates/s, first accepted → last anchored", pdfRate, 100, "target", "≥ 100/s", pdfRate >= 100,
                $"{Format(D(r, "pdf.certificates"))} certificates in {Format(pdfSpan)} s; acceptance alone {Format(D(r, "pdf.requests_per_s"))}/s");
            var cryptoBound = D(r, "cores") * 1e6 / D(r, "verify.crypto_us");
            var verifyRate = D(r, "verify.requests_per_s");
            Line(md, "Verification of a bundle (every check, data seal included): verifications/s", verifyRate, cryptoBound, $"bound: {r.GetValueOrDefault("cores")} cores / {Format(D(r, "verify.crypto_us"))} µs of crypto each", "≥ 3,000/s and ≥ 0.6x the bound",
                verifyRate >= 3000 && verifyRate >= 0.6 * cryptoBound, $"crypto per verification: {r.GetValueOrDefault("verify.crypto_parts")}; verdict {r.GetValueOrDefault("verify.verdict")}");
            var verifierCpu = D(r, "verify.cpu_us_per_request.verifier");
            Line(md, "Verifier CPU per verification (µs), against its crypto", verifierCpu, D(r, "verify.crypto_us"), "crypto alone, same run", "—", null,
                $"so the crypto bound on the Verifier's own CPU is {Format(D(r, "verify.crypto_us") / verifierCpu * 100)}% of it; hey and the chain node shared the cores (the cores × crypto bound assumes the Verifier had them all)");
            Line(md, "Verification latency p99 (ms)", D(r, "verify.p99_ms"), 25, "target", "≤ 25 ms", D(r, "verify.p99_ms") <= 25, $"p50 {Format(D(r, "verify.p50_ms"))} ms");
            foreach (var service in new[] { "certservice", "verifier", "postgres", "chain" })
            {
                if (!r.ContainsKey($"rss.{service}.peak_mib"))
                {
                    continue;
                }

                var first = D(r, $"rss.{service}.first_minute_mib");
                var last = D(r, $"rss.{service}.last_minute_mib");
                var flat = service is "certservice" or "verifier";
                Line(md, $"Resident memory, {service}: last minute (MiB)", last, first, "first minute", flat ? "within 10%" : "—", flat ? last <= first * 1.1 : null,
                    $"peak {Format(D(r, $"rss.{service}.peak_mib"))} MiB over {r.GetValueOrDefault("run_seconds")} s{(service == "postgres" ? " (all backends, proportional set size)" : "")}");
            }

            AppendProfiles(md, resultsFolder, store);
        }
    }

    private static void AppendProfiles(StringBuilder md, string folder, string store)
    {
        foreach (var (phase, title) in new[] { ("issuance", "data-only issuance, CertService"), ("pdf", "PDF issuance, CertService"), ("verification", "verification, Verifier") })
        {
            var file = Path.Combine(folder, $"profile-{store}-{phase}.txt");
            if (!File.Exists(file))
            {
                continue;
            }

            var lines = File.ReadAllLines(file);
            md.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"### Where the time goes: {title} (dotnet-trace, sampled thread time)").AppendLine();
            md.AppendLine("```");
            md.AppendLine(lines[0]);
            var exclusive = Array.FindIndex(lines, l => l.StartsWith("top", StringComparison.Ordinal) && l.Contains("exclusive", StringComparison.Ordinal));
            foreach (var line in lines.Skip(exclusive).Take(16))
            {
                md.AppendLine(line);
            }

            md.AppendLine("```");
        }
    }

    private static void Line(StringBuilder md, string measure, double ours, double reference, string referenceName, string target, bool? met, string detail) =>
        md.AppendLine(CultureInfo.InvariantCulture,
            $"| {measure} | {Format(ours)} | {Format(reference)} ({referenceName}) | {Format(ours / reference)}x | {target} | {(met is null ? "—" : met.Value ? "yes" : "**no**")} |")
          .AppendLine(CultureInfo.InvariantCulture, $"| ↳ {detail} | | | | | |");

    private static double D(Dictionary<string, string> r, string key) =>
        r.TryGetValue(key, out var v) && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : double.NaN;

    private static string Format(double value) => double.IsNaN(value) ? "n/a" : value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.###", CultureInfo.InvariantCulture);
}
