namespace OrleansStreams.Api.Overview;

/// <summary>A stream some group's policy dead-letters into, and the "stream/group" pairs that feed it.</summary>
public sealed record DeadLetterOverview(string Name, long Length, IReadOnlyList<string> Sources);
