namespace OrleansStreams.Streams;

/// <summary>XSETID: <paramref name="EntriesAdded"/> is -1 when not given; <paramref name="MaxDeletedId"/> 0-0 when not given.</summary>
public readonly record struct StreamSetIdRequest(StreamId LastId, long EntriesAdded, StreamId MaxDeletedId, long NowMs);
