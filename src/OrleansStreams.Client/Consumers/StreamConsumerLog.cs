using Microsoft.Extensions.Logging;

namespace OrleansStreams.Client;

internal static partial class StreamConsumerLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning, Message = "Reading {Stream} as {Group}/{Consumer} failed; retrying")]
    public static partial void ReadFailed(ILogger logger, Exception exception, string stream, string group, string consumer);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Handler failed for {Stream} entry {Id} (attempt {Attempt} of {MaxAttempts})")]
    public static partial void HandlerFailed(ILogger logger, Exception exception, string stream, string id, int attempt, int maxAttempts);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error, Message = "Giving up on {Stream} entry {Id} after {Attempts} attempts; {Action}")]
    public static partial void GaveUp(ILogger logger, string stream, string id, int attempts, FailedEntryAction action);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning, Message = "Acknowledging {Stream} entry {Id} failed; it stays pending and will be delivered again")]
    public static partial void AckFailed(ILogger logger, Exception exception, string stream, string id);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information, Message = "Consumer {Group}/{Consumer} of {Stream} stopped reading; waiting for {InFlight} handlers")]
    public static partial void Stopping(ILogger logger, string stream, string group, string consumer, int inFlight);
}
