namespace TrustLedger.Verifier.Verification;

/// <summary>One verification step with one job. Its doc comment states what passing guarantees.</summary>
public interface IBundleCheck
{
    string Name { get; }

    /// <summary>Checks that must pass before this one can run; otherwise it is reported as skipped.</summary>
    IReadOnlyList<string> DependsOn { get; }

    /// <summary>Whether the check has anything to judge in this verification; one that has not is left out of the report.</summary>
    bool AppliesTo(BundleEvidence evidence) => true;

    Task<CheckResult> RunAsync(BundleEvidence evidence);
}
