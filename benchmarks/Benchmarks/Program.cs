using BenchmarkDotNet.Running;

namespace TrustLedger.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project benchmarks/Benchmarks -- [BenchmarkDotNet arguments]</c> runs the
/// micro-benchmarks; <c>-- report RESULTS_DIR OPENSSL_FILE OUTPUT.md</c> writes the comparison table.
/// benchmarks/run.sh does both, with the OpenSSL reference measured in between.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args is ["report", var results, var openssl, var output])
        {
            PerformanceReport.Write(results, openssl, output);
            return 0;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
        return 0;
    }
}
