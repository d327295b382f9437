namespace TrustLedger.Verifier.Verification;

/// <summary>
/// The answer to a verification: <c>valid</c> only when every check passed. The verdict is
/// <c>valid</c>, <c>invalid</c>, or <c>unknown</c> when the chain could not be asked (never a guess).
/// </summary>
public sealed record VerificationReport(bool Valid, string Verdict, IReadOnlyList<CheckResult> Checks)
{
    public static VerificationReport From(IReadOnlyList<CheckResult> checks)
    {
        var valid = checks.Count > 0 && checks.All(c => c.Passed);
        return new VerificationReport(valid, valid ? "valid" : "invalid", checks);
    }

    public static VerificationReport Unknown(IReadOnlyList<CheckResult> checks) => new(false, "unknown", checks);
}
