namespace TrustLedger.CertService.Storage;

public enum AnchorBatchState
{
    /// <summary>Tree built and proofs recorded; the root may or may not have reached the chain yet.</summary>
    Prepared = 0,

    /// <summary>The root is anchored; block and transaction recorded.</summary>
    Anchored = 1,

    /// <summary>The chain refused the anchor for a reason that a retry cannot change.</summary>
    Refused = 2,

    /// <summary>Sending failed too often for reasons that may pass (see <c>LastFailure</c>); set aside until an administrator retries it.</summary>
    Failed = 3,
}
