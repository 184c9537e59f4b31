namespace OrleansStreams.Streams;

/// <summary>
/// What a conditional append did: the IDs added (empty unless <see cref="StreamAddStatus.Added"/>) and the stream's
/// version after the call (the current version when it did not match).
/// </summary>
public sealed record StreamConditionalAddResult(StreamAddStatus Status, StreamId[] Ids, long Version);
