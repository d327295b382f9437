namespace TrustLedger.Verifier.Verification;

/// <summary>
/// The answer to a verification, always with every check. The verdict is <c>valid</c> only when
/// every check passed; when only the status check failed it names the status (<c>revoked</c> —
/// also for a certificate superseded by its renewal —, <c>suspended</c>, <c>expired</c>);
/// any other failure is <c>invalid</c>; <c>unknown</c> when the chain could not be asked (never a
/// guess). <see cref="Status"/> is the certificate's status at <see cref="At"/>.
/// </summary>
public sealed record VerificationReport(bool Valid, string Verdict, string? Status, DateTimeOffset At, IReadOnlyList<CheckResult> Checks)
{
    /// <summary>The Verifier's signed receipt, when the caller asked for one (<c>?receipt=true</c>).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Receipts.VerificationReceipt? Receipt { get; init; }

    public static VerificationReport From(IReadOnlyList<CheckResult> checks, string? status, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(checks);
        var valid = checks.Count > 0 && checks.All(c => c.Passed);
        var failed = checks.Where(c => c.Status == CheckStatus.Failed).Select(c => c.Name).ToList();
        var verdict = valid ? "valid"
            : failed is [Verification.Checks.StatusCheck.CheckName] ? status switch
            {
                "revoked" or "superseded" => "revoked",
                "suspended" => "suspended",
                "expired" => "expired",
                _ => "invalid",
            }
            : "invalid";
        return new VerificationReport(valid, verdict, status, at, checks);
    }

    public static VerificationReport Unknown(IReadOnlyList<CheckResult> checks, DateTimeOffset at) => new(false, "unknown", null, at, checks);
}
