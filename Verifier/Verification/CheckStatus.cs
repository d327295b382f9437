namespace TrustLedger.Verifier.Verification;

public enum CheckStatus
{
    Passed,
    Failed,

    /// <summary>Not run because a check it depends on failed.</summary>
    Skipped,
}
