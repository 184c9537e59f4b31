using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>XINFO STREAM. <see cref="Fields"/> holds every field as sent, including any this type does not name.</summary>
public sealed record StreamInfo(
    long Length,
    string LastGeneratedId,
    string? MaxDeletedEntryId,
    long? EntriesAdded,
    string? RecordedFirstEntryId,
    long Groups,
    StreamEntry? FirstEntry,
    StreamEntry? LastEntry,
    IReadOnlyDictionary<string, RespValue> Fields);
