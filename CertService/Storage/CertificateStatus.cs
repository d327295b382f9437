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
}
