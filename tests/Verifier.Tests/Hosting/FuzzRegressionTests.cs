using TrustLedger.Fuzz;
using TrustLedger.Tests.Testing;

namespace TrustLedger.Tests.Verifier.Hosting;

/// <summary>
/// Every fuzzing seed and every input a fuzzer once crashed on (tests/Fuzz/Corpus, tests/Fuzz/Regressions),
/// replayed through the same harnesses tests/fuzz.sh runs under AFL++: none may throw what its endpoint
/// would not turn into a 400.
/// </summary>
public sealed class FuzzRegressionTests
{
    public static TheoryData<string, string> Inputs()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in new[] { "Corpus", "Regressions" })
        {
            var root = RepositoryRoot.Combine("tests", "Fuzz", folder);
            foreach (var target in Directory.EnumerateDirectories(root).Select(Path.GetFileName).Order(StringComparer.Ordinal))
            {
                foreach (var file in Directory.EnumerateFiles(Path.Combine(root, target!)).Order(StringComparer.Ordinal))
                {
                    data.Add(target!, Path.GetRelativePath(RepositoryRoot.Path, file));
                }
            }
        }

        return data;
    }

    [Fact]
    public void Every_harness_has_a_seed() =>
        Assert.All(Harnesses.All.Keys, target => Assert.NotEmpty(Directory.EnumerateFiles(RepositoryRoot.Combine("tests", "Fuzz", "Corpus", target))));

    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_harness_takes_the_input_without_an_unexpected_exception(string target, string file)
    {
        var harness = Harnesses.All[target];

        var thrown = Record.Exception(() => harness(File.ReadAllBytes(RepositoryRoot.Combine(file))));

        Assert.Null(thrown);
    }
}
