namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>The kinds of consumer-group journal records. The numbers are stored: never reuse or renumber one.</summary>
internal enum GroupRecordKind : byte
{
    /// <summary>The whole state (or "no group"); only ever the journal's snapshot.</summary>
    Snapshot = 1,

    /// <summary>XGROUP CREATE: a new group replaces whatever was there.</summary>
    Created = 2,

    /// <summary>The group no longer exists (destroyed, or its stream is gone).</summary>
    Removed = 3,

    /// <summary>XGROUP SETID, XCLAIM LASTID: the cursor's new position.</summary>
    CursorSet = 4,

    /// <summary>A consumer's interaction attempt: created if missing, seen time set.</summary>
    ConsumerSeen = 5,

    /// <summary>XGROUP CREATECONSUMER.</summary>
    ConsumerCreated = 6,

    /// <summary>XGROUP DELCONSUMER.</summary>
    ConsumerDeleted = 7,

    /// <summary>XREADGROUP &gt;: new entries delivered to a consumer and the cursor moved.</summary>
    Delivered = 8,

    /// <summary>XREADGROUP history: pending entries delivered again.</summary>
    Redelivered = 9,

    /// <summary>XACK, or entries dropped from the PEL because they left the stream.</summary>
    Acknowledged = 10,

    /// <summary>XCLAIM / XAUTOCLAIM: entries moved to a consumer with a delivery time and counts.</summary>
    Claimed = 11,

    /// <summary>XGROUPPOLICY SET (format 2): the whole policy; counters carry on.</summary>
    PolicySet = 12,

    /// <summary>XGROUPPOLICY DEL (format 2): the policy, its counters and marks are gone.</summary>
    PolicyRemoved = 13,

    /// <summary>A sweep (format 2): pending entries idle for CLAIMIDLE made available again; counts as reclaimed.</summary>
    Reclaimable = 14,

    /// <summary>A sweep (format 2): entries appended to the dead-letter stream, now acknowledged; counts as dead-lettered.</summary>
    DeadLettered = 15,
}
