using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// XPENDING's extended form. <paramref name="Start"/> and <paramref name="End"/> are inclusive: the handler has
/// already moved exclusive <c>(</c> bounds one step inwards. <paramref name="MinIdleMs"/> is IDLE (0 = no filter);
/// <paramref name="Consumer"/> restricts the list to one consumer's entries.
/// </summary>
public sealed record PendingRangeRequest(StreamId Start, StreamId End, long Count, long MinIdleMs, string? Consumer, long NowMs);
