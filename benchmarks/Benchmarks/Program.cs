using BenchmarkDotNet.Running;

namespace TrustLedger.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Benchmarks -- [BenchmarkDotNet arguments]</c> runs the
/// micro-benchmarks; <c>-- report RESULTS_DIR OPENSSL_FILE LOAD_DIR OUTPUT.md</c> writes the comparison table.
/// benchmarks/run.sh does both, with the OpenSSL reference measured in between. benchmarks/load.sh
/// uses <c>verify-cost BUNDLE.json</c> (the crypto of one verification) and <c>profile TRACE.speedscope.json</c>.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        switch (args)
        {
            case ["report", var results, var openssl, var load, var output]:
                PerformanceReport.Write(results, openssl, load, output);
                return 0;
            case ["verify-cost", var bundle]:
                VerificationCost.Measure(bundle);
                return 0;
            case ["profile", var trace]:
                ProfileSummary.Print(trace);
                return 0;
            default:
                break;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
