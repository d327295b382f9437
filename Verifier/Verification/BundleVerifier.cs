using TrustLedger.Ledger.Chain;

namespace TrustLedger.Verifier.Verification;

/// <summary>
/// Runs every check in order and reports each one. A check whose prerequisite failed is reported
/// as skipped; if the chain cannot be asked, or has stalled and the question is about a time after
/// its newest block, the verdict is unknown rather than a guess.
/// </summary>
public sealed class BundleVerifier(IEnumerable<IBundleCheck> checks, ChainHealth health, ChainFactsCache facts)
{
    /// <summary>The line of a report that says why nothing was judged: the chain is down or stalled.</summary>
    public const string ChainCheckName = "chain";

    public async Task<VerificationReport> VerifyAsync(BundleEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var results = new List<CheckResult>();
        var failed = new HashSet<string>(StringComparer.Ordinal);
        // A bundle alone runs the bundle checks; an uploaded document adds the document checks, a data seal the seal checks.
        var ordered = checks.Where(c => c.AppliesTo(evidence)).ToList();
        try
        {
            // Facts up to a stalled chain's newest block are final; what happened since may be missing from it.
            if (await health.StalledForAsync() is { } stalled && (!evidence.AtWasAsked || evidence.At > (await facts.HeadAsync()).Timestamp))
            {
                results.Add(new CheckResult(ChainCheckName, CheckStatus.Failed,
                    $"the chain has produced no block for {stalled.TotalSeconds:0} s (more than three block periods): it is stalled, and a recent revocation may not be on it"));
                results.AddRange(ordered.Select(c => new CheckResult(c.Name, CheckStatus.Skipped, "not run: the chain is stalled")));
                return VerificationReport.Unknown(results, evidence.At);
            }
        }
        catch (ChainUnavailableException)
        {
            // An unreachable node: the checks below find that out and answer unknown, each named.
        }

        for (var i = 0; i < ordered.Count; i++)
        {
            var check = ordered[i];
            var blocker = check.DependsOn.FirstOrDefault(failed.Contains);
            if (blocker is not null)
            {
                results.Add(new CheckResult(check.Name, CheckStatus.Skipped, $"not run: {blocker} failed"));
                failed.Add(check.Name);
                continue;
            }

            try
            {
                var result = await check.RunAsync(evidence);
                results.Add(result);
                if (!result.Passed)
                {
                    failed.Add(check.Name);
                }
            }
            catch (ChainUnavailableException)
            {
                // The exception names the node's address; a public report does not.
                results.Add(new CheckResult(check.Name, CheckStatus.Skipped, "the chain node did not answer (unreachable, an error, or too slow); the verdict is unknown, not invalid"));
                results.AddRange(ordered.Skip(i + 1).Select(c => new CheckResult(c.Name, CheckStatus.Skipped, "not run: the chain node did not answer")));
                return VerificationReport.Unknown(results, evidence.At);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // An attacker's input that a parser below refused by throwing (a malformed CMS structure,
                // an unknown key algorithm): the check failed on it. Never a 500, never a pass.
                results.Add(new CheckResult(check.Name, CheckStatus.Failed, "the check could not be run on this input: it is malformed"));
                failed.Add(check.Name);
            }
        }

        return VerificationReport.From(results, evidence.Status, evidence.At);
    }
}
