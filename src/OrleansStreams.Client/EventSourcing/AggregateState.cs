namespace OrleansStreams.Client;

/// <summary>
/// An aggregate folded from its stream. <see cref="Version"/> is the stream's version (entries added) as of
/// <see cref="LastId"/>: pass it as the expected version of the next append.
/// </summary>
public sealed record AggregateState<TState>(TState State, long Version, string LastId, int EventCount);
