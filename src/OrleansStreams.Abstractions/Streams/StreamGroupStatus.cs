namespace OrleansStreams.Streams;

public enum StreamGroupStatus
{
    Ok,

    /// <summary>Create: a group of that name is already registered (BUSYGROUP).</summary>
    AlreadyExists,

    /// <summary>The group is not registered on the stream.</summary>
    NotFound,

    NoKey,
    WrongType,
}
