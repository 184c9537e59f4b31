using OrleansStreams.Api.Entries;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Streams;

/// <summary>XINFO STREAM. <see cref="Version"/> is what an expected-version append compares with.</summary>
public sealed record StreamInfoResponse(
    string Stream,
    long Length,
    long Version,
    string LastGeneratedId,
    string? MaxDeletedEntryId,
    string? RecordedFirstEntryId,
    long Groups,
    EntryResponse? FirstEntry,
    EntryResponse? LastEntry)
{
    public static StreamInfoResponse From(string stream, StreamInfo info, FieldEncoding encoding) => new(
        stream,
        info.Length,
        info.EntriesAdded ?? 0,
        info.LastGeneratedId,
        info.MaxDeletedEntryId,
        info.RecordedFirstEntryId,
        info.Groups,
        info.FirstEntry is { } first ? EntryResponse.From(first, encoding) : null,
        info.LastEntry is { } last ? EntryResponse.From(last, encoding) : null);
}
