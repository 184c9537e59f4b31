namespace OrleansStreams.Streams;

/// <summary>A registered consumer group: its name and the stamp of its registration.</summary>
public readonly record struct StreamGroupInfo(string Name, long Stamp);
