namespace TrustLedger.CertService.Anchoring;

/// <summary>The anchoring pipeline's log events (source-generated, no work when the level is off).</summary>
internal static partial class AnchoringLog
{
    [LoggerMessage(1, LogLevel.Warning, "Chain unavailable, anchoring retries next round: {Reason}")]
    public static partial void ChainUnavailable(this ILogger logger, string reason);

    [LoggerMessage(2, LogLevel.Error, "Anchoring round failed; retrying next round")]
    public static partial void RoundFailed(this ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Information, "Batch {BatchId} root was already anchored; the next round records the existing anchor")]
    public static partial void AlreadyAnchored(this ILogger logger, Guid batchId);

    [LoggerMessage(4, LogLevel.Information, "Anchored batch {BatchId} ({Leaves} certificates) in block {Block}, tx {Transaction}")]
    public static partial void Anchored(this ILogger logger, Guid batchId, int leaves, ulong block, string transaction);

    [LoggerMessage(5, LogLevel.Error, "The chain refused batch {BatchId} of department {Issuer}: {Reason}")]
    public static partial void Refused(this ILogger logger, Guid batchId, string issuer, string reason);
}
