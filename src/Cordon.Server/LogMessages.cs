namespace Cordon.Server;

/// <summary>Every log line the server writes, source-generated, with stable event ids.</summary>
internal static partial class LogMessages
{
    [LoggerMessage(1, LogLevel.Information, "Screening view {Generation} ready: {Entities} entities, {Applied} changed records applied, in {Milliseconds:0} ms")]
    public static partial void ViewBuilt(ILogger logger, long generation, int entities, int applied, double milliseconds);

    [LoggerMessage(2, LogLevel.Error, "Refreshing the screening view failed; still answering from the previous one")]
    public static partial void RefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(3, LogLevel.Warning, "Refused key {KeyId} of agency {Agency}: revoked")]
    public static partial void RevokedKey(ILogger logger, string keyId, string agency);

    [LoggerMessage(4, LogLevel.Error, "Request failed: {Method} {Path}")]
    public static partial void Unhandled(ILogger logger, Exception exception, string method, string path);

    [LoggerMessage(6, LogLevel.Warning, "Rate limit reached for key {KeyId}")]
    public static partial void RateLimited(ILogger logger, string keyId);

    [LoggerMessage(7, LogLevel.Information,
        "Continuous screening: {Changed} changed entities against {Monitored} monitored subjects; {Affected} screened again, {Raised} new review items in {Milliseconds:0} ms")]
    public static partial void MonitorPass(ILogger logger, int changed, int monitored, int affected, int raised, double milliseconds);

    [LoggerMessage(8, LogLevel.Error, "Continuous screening of a list change failed; its new hits are raised by the next change or a re-registration")]
    public static partial void MonitorFailed(ILogger logger, Exception exception);

    [LoggerMessage(40, LogLevel.Warning, "Lost the database's change announcements ({Reason}); reconnecting, then catching up")]
    public static partial void FollowLost(ILogger logger, string reason);

    [LoggerMessage(41, LogLevel.Information, "This node {Role}")]
    public static partial void MonitorRole(ILogger logger, string role);
}
