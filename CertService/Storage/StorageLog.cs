namespace TrustLedger.CertService.Storage;

/// <summary>The storage's and the host's own log events.</summary>
internal static partial class StorageLog
{
    [LoggerMessage(1, LogLevel.Warning, "The database is not reachable yet ({Reason}); try {Attempt} again in a moment")]
    public static partial void DatabaseNotReachable(this ILogger logger, string reason, int attempt);

    [LoggerMessage(2, LogLevel.Critical, "CertService stopped: {Reason}")]
    public static partial void ServiceStopped(this ILogger logger, string reason, Exception exception);
}
