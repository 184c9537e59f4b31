namespace OrleansStreams.Client;

/// <summary>An event to append: its type, its payload, and optional extra fields (metadata).</summary>
public sealed record EventData(string Type, StreamValue Data, IReadOnlyList<StreamField>? Metadata = null);
