using OrleansStreams.GrainHost;
using OrleansStreams.Storage;

namespace OrleansStreams.Silo.Storage;

/// <summary>
/// The error reply for a command that failed because the journal store did. Nothing was acknowledged, so the
/// client sees an error naming the store's problem; the grain that failed is deactivated and replays its journal
/// on the next call, so commands work again as soon as the store does.
/// </summary>
public static class StorageFailureReply
{
    /// <summary>The reply for <paramref name="exception"/> when a storage failure caused it (anywhere in its inner exceptions); otherwise null.</summary>
    public static string? For(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case JournalStorageException storage:
                    return $"ERR storage {Describe(storage.Failure)}: {storage.Message}";
                case InconsistentStateException conflict:
                    return $"ERR storage conflict: {conflict.Message} Is another silo using the same storage?";
            }
        }
        return null;
    }

    private static string Describe(JournalStorageFailure failure) => failure switch
    {
        JournalStorageFailure.Unavailable => "unavailable",
        JournalStorageFailure.Full => "full",
        JournalStorageFailure.Corrupt => "corrupt",
        _ => "failure",
    };
}
