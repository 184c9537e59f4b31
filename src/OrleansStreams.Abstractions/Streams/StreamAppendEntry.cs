namespace OrleansStreams.Streams;

/// <summary>One entry of a conditional append: its ID as given (see <see cref="StreamAddRequest"/>) and its fields.</summary>
public sealed record StreamAppendEntry(StreamIdMode IdMode, StreamId Id, StreamFields Fields);
