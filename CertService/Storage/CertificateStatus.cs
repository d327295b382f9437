namespace TrustLedger.CertService.Storage;

/// <summary>Where a certificate stands on its way to the chain.</summary>
public enum CertificateStatus
{
    /// <summary>Accepted and durable; not yet anchored.</summary>
    Pending = 0,

    /// <summary>Its batch root is anchored on chain; the proof is recorded.</summary>
    Anchored = 1,

    /// <summary>The chain refused its batch (for example the department lost the type); never anchored.</summary>
    Refused = 2,

    /// <summary>
    /// Quarantined: its document could not be made too often in a row (see <c>LastFailure</c>), so
    /// it is set aside and everything behind it proceeds; an administrator retries it after a fix.
    /// </summary>
    Failed = 3,
}
