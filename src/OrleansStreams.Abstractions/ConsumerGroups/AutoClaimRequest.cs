using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// XAUTOCLAIM, parsed. <paramref name="Start"/> is inclusive (an exclusive <c>(</c> start already incremented);
/// <paramref name="Count"/> is COUNT (1 … LONG_MAX/16, default 100); <paramref name="MinIdleMs"/> negative → 0.
/// </summary>
public sealed record AutoClaimRequest(string Consumer, long MinIdleMs, StreamId Start, long Count, bool JustId, long NowMs);
