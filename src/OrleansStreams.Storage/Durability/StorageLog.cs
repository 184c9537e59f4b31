using Microsoft.Extensions.Logging;

namespace OrleansStreams.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Information, Message = "Journal storage on {Store} opened with durability {Durability}")]
    public static partial void Opened(ILogger logger, string store, DurabilityMode durability);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "A journal batch of {Writes} writes failed on {Store}")]
    public static partial void BatchFailed(ILogger logger, string store, int writes, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Information, Message = "The connection to {Store} was lost before commit; retrying the batch on a new connection")]
    public static partial void RetryingOnNewConnection(ILogger logger, string store, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Information, Message = "A statement of a {Writes}-write batch was refused by {Store}; applying the writes one by one")]
    public static partial void IsolatingWrites(ILogger logger, string store, int writes, Exception exception);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Warning, Message = "Flushing committed journal writes to disk on {Store} failed; retrying at the next interval")]
    public static partial void SyncFailed(ILogger logger, string store, Exception exception);

    [LoggerMessage(EventId = 5006, Level = LogLevel.Error, Message = "The journal writer loop of {Store} failed unexpectedly")]
    public static partial void WriterLoopFailed(ILogger logger, string store, Exception exception);
}
