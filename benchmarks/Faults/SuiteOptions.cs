using System.Globalization;

namespace TrustLedger.Faults;

/// <summary>The suite's settings: the repository, the short (CI) or full run, how many kill cycles, where the report goes.</summary>
public sealed record SuiteOptions(string Repository, bool IsShort, int KillCycles, TimeSpan ChainOutage, int Workers, string Output)
{
    public static SuiteOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        var isShort = args.Contains("--short");
        var repository = Path.GetFullPath(Value("--repository", "."));
        return new SuiteOptions(
            repository,
            isShort,
            int.Parse(Value("--cycles", isShort ? "3" : "100"), CultureInfo.InvariantCulture),
            TimeSpan.FromSeconds(int.Parse(Value("--chain-outage", isShort ? "15" : "90"), CultureInfo.InvariantCulture)),
            int.Parse(Value("--workers", "4"), CultureInfo.InvariantCulture),
            Path.GetFullPath(Value("--out", Path.Combine(repository, "benchmarks", ".results", "faults.txt"))));
    }
}

/// <summary>One fault scenario: what it does to the stack while the load runs.</summary>
public sealed record Scenario(string Name, string Description, Func<Task> Inject);
