namespace OrleansStreams.Client;

/// <summary>A stream and the ID to read after: for XREAD an entry ID or "$", for XREADGROUP "&gt;" or a history ID.</summary>
public readonly record struct StreamPosition(string Key, string Id);
