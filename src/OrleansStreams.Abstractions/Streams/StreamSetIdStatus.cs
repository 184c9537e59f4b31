namespace OrleansStreams.Streams;

public enum StreamSetIdStatus
{
    Ok,
    NoKey,
    WrongType,

    /// <summary>The new last ID is below the stream's current max_deleted_entry_id (7.2+).</summary>
    SmallerThanMaxDeleted,

    /// <summary>The new last ID is below the last live entry.</summary>
    SmallerThanTop,

    /// <summary>ENTRIESADDED is below the stream's length.</summary>
    EntriesAddedTooSmall,
}
