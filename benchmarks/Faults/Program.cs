using System.Globalization;
using System.Text;
using TrustLedger.Faults;
using TrustLedger.Faults.Checks;

// benchmarks/faults.sh builds the solution and runs this: TrustLedger.Faults --repository DIR [--short] [--cycles N] [--out FILE]
var options = SuiteOptions.Parse(args);
var report = new StringBuilder();
report.Append(CultureInfo.InvariantCulture, $"date={DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}\ncores={Environment.ProcessorCount}\nmode={(options.IsShort ? "short" : "full")}\nkill_cycles={options.KillCycles}\nchain_outage_s={options.ChainOutage.TotalSeconds}\n");
await using var suite = await FaultSuite.StartAsync(options);
var failed = false;
foreach (var scenario in suite.Scenarios())
{
    Console.WriteLine($"faults: scenario {scenario.Name}: {scenario.Description}");
    var started = DateTimeOffset.UtcNow;
    var findings = await suite.RunAsync(scenario);
    var seconds = (DateTimeOffset.UtcNow - started).TotalSeconds;
    report.Append(CultureInfo.InvariantCulture, $"{scenario.Name}.seconds={seconds:0}\n").Append(findings.Describe(scenario.Name));
    Console.WriteLine($"faults: {scenario.Name}: {findings.CertificatesAnchoredOnce}/{findings.CertificatesAcknowledged} certificates anchored once, " +
        $"{findings.StatusChangesOnChain}+{findings.StatusChangesReportedFailed}/{findings.StatusChangesAcknowledged} status changes on chain / reported failed, " +
        $"{findings.DatasetVersionsAgreeing} dataset versions agreeing; {findings.Violations} violation(s) ({seconds:0} s)");
    failed |= findings.Violations > 0;
    foreach (var line in findings.Describe(scenario.Name).Split('\n').Where(l => l.StartsWith('#')))
    {
        Console.WriteLine("faults: " + line);
    }
}

if (failed)
{
    suite.KeepLogs();
}

report.Append(suite.Summary());
Directory.CreateDirectory(Path.GetDirectoryName(options.Output)!);
File.WriteAllText(options.Output, report.ToString());
Console.WriteLine(report.ToString());
Console.WriteLine(failed ? "faults: VIOLATIONS FOUND (see above)" : "faults: no violations");
return failed ? 1 : 0;
