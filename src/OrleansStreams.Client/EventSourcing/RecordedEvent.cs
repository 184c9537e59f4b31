namespace OrleansStreams.Client;

/// <summary>An event read back from its stream; <see cref="Entry"/> is the raw entry with every field.</summary>
public sealed record RecordedEvent(string Stream, string Id, string Type, StreamValue Data, IReadOnlyList<StreamField> Metadata, StreamEntry Entry);
