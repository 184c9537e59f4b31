namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// How a consumer-group call ended. The handler turns each into the command's own reply: NoKey is NOGROUP for
/// XREADGROUP/XPENDING/XCLAIM/XAUTOCLAIM, 0 for XACK, "requires the key to exist" for XGROUP and "no such key" for XINFO.
/// </summary>
public enum ConsumerGroupStatus
{
    Ok,

    /// <summary>The stream key does not exist.</summary>
    NoKey,

    /// <summary>The key holds another type (WRONGTYPE).</summary>
    WrongType,

    /// <summary>The stream exists but has no group of that name.</summary>
    NoGroup,

    /// <summary>XGROUP CREATE: the group already exists (BUSYGROUP).</summary>
    GroupExists,
}
