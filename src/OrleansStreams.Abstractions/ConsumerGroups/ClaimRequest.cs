using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// XCLAIM, parsed. <paramref name="MinIdleMs"/> is min-idle-time (negative → 0). <paramref name="Ids"/> are in argument
/// order, duplicates kept. <paramref name="DeliveryTimeMs"/> is the new delivery time asked for by the last IDLE
/// (now − IDLE) or TIME option, or null for neither; values below 0 or above now are replaced by now.
/// <paramref name="RetryCount"/> is RETRYCOUNT, null (or negative) when not given. <paramref name="LastId"/> is LASTID.
/// </summary>
public sealed record ClaimRequest(
    string Consumer,
    long MinIdleMs,
    StreamId[] Ids,
    long? DeliveryTimeMs,
    long? RetryCount,
    bool Force,
    bool JustId,
    StreamId? LastId,
    long NowMs);
