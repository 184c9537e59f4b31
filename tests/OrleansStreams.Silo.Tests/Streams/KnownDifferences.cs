namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>
/// Cases where the oracle (Debian's redis-server 7.0) behaves differently from the Redis 7.2+/7.4 behaviour the silo
/// follows. They are not compared; <see cref="StreamNewerRedisTests"/> pins the newer replies instead.
/// </summary>
public static class KnownDifferences
{
    public static readonly IReadOnlyList<string> Streams =
    [
        // 7.2 fixed the error for an overflowing ms-* sequence: 7.0 says "Elements are too large to be stored".
        "XADD k 5-* after 5-18446744073709551615",
        // 7.2 added this check; 7.0 lets XSETID go below max_deleted_entry_id.
        "XSETID below the current max_deleted_entry_id",
        // 7.4 names the command and mentions '+': 7.0 says "Unbalanced XREAD list of streams: ... an ID or '$' ...".
        "XREAD with an odd number of arguments after STREAMS",
        // Newer servers refuse a BLOCK timeout that overflows once added to now; 7.0 blocks (forever).
        "XREAD BLOCK 9223372036854775807",
        // 7.4 added '+' (the last entry) to XREAD; 7.0 rejects it as an invalid ID.
        "XREAD STREAMS k +",
        // 7.2+ take one clock reading per command (and per EXEC) for auto IDs; 7.0 reads the clock at each XADD.
        "XADD k * inside MULTI",
    ];
}
