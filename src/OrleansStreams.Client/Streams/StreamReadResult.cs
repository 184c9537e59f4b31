namespace OrleansStreams.Client;

/// <summary>The entries XREAD or XREADGROUP returned for one stream.</summary>
public sealed record StreamReadResult(string Key, IReadOnlyList<StreamEntry> Entries);
