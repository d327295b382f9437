namespace TrustLedger.Verifier.Verification;

/// <summary>One verification step with one job. Its doc comment states what passing guarantees.</summary>
public interface IBundleCheck
{
    string Name { get; }

    /// <summary>Checks that must pass before this one can run; otherwise it is reported as skipped.</summary>
    IReadOnlyList<string> DependsOn { get; }

    Task<CheckResult> RunAsync(BundleEvidence evidence);
}
