namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// Consumer-group cases where the oracle (Debian's redis-server 7.0) behaves differently from the Redis 7.2+/7.4
/// behaviour the silo follows. They are not compared with the oracle; <see cref="GroupNewerRedisTests"/> pins the newer
/// replies, taken from the reference (section numbers given there). Where a differential test meets one of them it
/// normalizes only that part (for example drops the 7.2+ fields before comparing).
/// </summary>
public static class GroupKnownDifferences
{
    public static readonly IReadOnlyList<string> ConsumerGroups =
    [
        // 7.2 names the command and the '>' ID; 7.0 says "Unbalanced XREAD list of streams: ... an ID or '$' ...".
        "XREADGROUP with an odd number of arguments after STREAMS",
        // 7.4 explains why '+' is meaningless in XREADGROUP; 7.0 rejects it as an invalid stream ID.
        "XREADGROUP ... STREAMS k +",
        // 7.2 creates the consumer (seen-time = now) even when nothing is served or the call blocks; 7.0 only when served.
        "XREADGROUP with > on a group with nothing new, by a new consumer",
        // 7.2 creates the consumer even when nothing is claimed; 7.0 only when something is.
        "XCLAIM / XAUTOCLAIM that claim nothing, by a new consumer",
        // 7.2 added 'inactive' (XINFO CONSUMERS) and 'active-time' (XINFO STREAM FULL); idle/seen-time now mean the
        // last attempt. Differential tests drop the new fields and mask the clock-dependent ones.
        "XINFO CONSUMERS and XINFO STREAM FULL consumer fields",
        // 7.2 re-runs a blocked XREADGROUP: a deleted key or destroyed group answers NOGROUP; 7.0 says
        // "UNBLOCKED the stream key no longer exists" or a different NOGROUP text.
        "Blocked XREADGROUP when the key is deleted or the group destroyed",
        // 7.2 re-runs the blocked command and blocks again when an XADD+XDEL in one MULTI left nothing; 7.0 answers
        // with the key and an empty entry list.
        "Blocked XREADGROUP woken by MULTI XADD XDEL EXEC",
        // 7.2 says "Print this help."; 7.0 says "Prints this help.".
        "XGROUP HELP / XINFO HELP last line",
        // 8.0 corrected lag and entries_read around tombstones and trimming (reference section 7); the silo follows it.
        // The upstream lag tests ("Consumer group lag with XDELs", "... with XTRIM") agree on both servers; these differ:
        // lag of an emptied stream, lag when everything before the first entry is gone, and entries_read estimated from
        // the group's last ID (7.0 tests tombstones from the delivered entry).
        "XINFO GROUPS lag and entries-read after XDEL or trimming past the group's last-delivered-id",
        // Redis fails to allocate COUNT × 16 bytes for a huge XAUTOCLAIM COUNT ("Insufficient memory ..."): that depends on
        // the machine; the silo needs no such array and answers.
        "XAUTOCLAIM ... COUNT 576460752303423487",
    ];
}
