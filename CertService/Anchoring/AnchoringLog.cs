namespace TrustLedger.CertService.Anchoring;

/// <summary>The anchoring pipeline's log events (source-generated, no work when the level is off).</summary>
internal static partial class AnchoringLog
{
    [LoggerMessage(1, LogLevel.Warning, "Pipeline step {Step} failed ({Failures} in a row); retrying in {Wait}")]
    public static partial void StepFailed(this ILogger logger, string step, int failures, TimeSpan wait, Exception exception);

    [LoggerMessage(2, LogLevel.Critical, "The anchoring pipeline's supervision failed; stopping the service with a non-zero exit code")]
    public static partial void SupervisionFailed(this ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Batch {BatchId} root was already anchored by this department; recording the existing anchor")]
    public static partial void AlreadyAnchored(this ILogger logger, Guid batchId);

    [LoggerMessage(4, LogLevel.Information, "Anchored batch {BatchId} ({Leaves} certificates) in block {Block}, tx {Transaction}")]
    public static partial void Anchored(this ILogger logger, Guid batchId, int leaves, ulong block, string transaction);

    [LoggerMessage(5, LogLevel.Error, "The chain refused batch {BatchId} of department {Issuer} for good: {Reason}")]
    public static partial void Refused(this ILogger logger, Guid batchId, string issuer, string reason);

    [LoggerMessage(6, LogLevel.Warning, "Batch {BatchId} of department {Issuer} was not anchored ({Attempts} tries): {Reason}")]
    public static partial void NotAnchoredYet(this ILogger logger, Guid batchId, string issuer, int attempts, string reason);

    [LoggerMessage(7, LogLevel.Error, "Batch {BatchId} quarantined after {Attempts} failures: {Reason}")]
    public static partial void BatchQuarantined(this ILogger logger, Guid batchId, int attempts, string reason);

    [LoggerMessage(8, LogLevel.Warning, "Certificate {CertificateId}: its document could not be made ({Attempts} tries): {Reason}")]
    public static partial void DocumentFailed(this ILogger logger, Guid certificateId, int attempts, string reason);

    [LoggerMessage(9, LogLevel.Error, "Certificate {CertificateId} quarantined after {Attempts} failures: {Reason}")]
    public static partial void CertificateQuarantined(this ILogger logger, Guid certificateId, int attempts, string reason);

    [LoggerMessage(10, LogLevel.Warning, "Status change {ChangeId} refused by the chain: {Reason}")]
    public static partial void StatusChangeRefused(this ILogger logger, Guid changeId, string reason);

    [LoggerMessage(11, LogLevel.Warning, "Status changes of department {Issuer} wait: {Reason}")]
    public static partial void StatusChangesWait(this ILogger logger, string issuer, string reason);

    [LoggerMessage(12, LogLevel.Warning, "Reconciliation: {What}")]
    public static partial void Reconciled(this ILogger logger, string what);

    [LoggerMessage(13, LogLevel.Information, "Department {Issuer} is not active on chain: the registrar recorded {Count} of its status changes")]
    public static partial void StatusChangesRecordedByRegistrar(this ILogger logger, string issuer, int count);
}
