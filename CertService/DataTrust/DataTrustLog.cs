namespace TrustLedger.CertService.DataTrust;

internal static partial class DataTrustLog
{
    [LoggerMessage(40, LogLevel.Information, "Publishing {Resource} v{Version}: {Rows} rows hashed")]
    public static partial void Progress(this ILogger logger, string resource, int version, long rows);

    [LoggerMessage(41, LogLevel.Information, "Published {Resource} v{Version}: {Rows} rows, root {Root}, block {Block}, {Milliseconds} ms")]
    public static partial void Published(this ILogger logger, string resource, int version, long rows, string root, ulong block, long milliseconds);
}
