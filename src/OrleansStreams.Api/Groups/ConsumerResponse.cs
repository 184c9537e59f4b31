using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>One consumer of XINFO CONSUMERS: idle since its last read attempt, inactive since its last successful one.</summary>
public sealed record ConsumerResponse(string Name, long Pending, long IdleMs, long? InactiveMs)
{
    public static ConsumerResponse From(ConsumerInfo consumer) => new(
        consumer.Name,
        consumer.Pending,
        (long)consumer.Idle.TotalMilliseconds,
        consumer.Inactive is { } inactive ? (long)inactive.TotalMilliseconds : null);
}
