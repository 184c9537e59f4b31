using OrleansStreams.Api.Streams;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Entries;

/// <summary>A stream entry in JSON. <see cref="Encoding"/> says how to read the names and values of <see cref="Fields"/>.</summary>
public sealed record EntryResponse(string Id, FieldEncoding Encoding, JsonFields Fields) : TailEvent
{
    /// <summary>True for a pending entry that was deleted from the stream (a group's history shows its ID only).</summary>
    public bool? Deleted { get; init; }

    public static EntryResponse From(StreamEntry entry, FieldEncoding requested)
    {
        var (fields, encoding) = FieldCodec.Encode(entry.Fields, requested);
        return new EntryResponse(entry.Id, encoding, fields) { Deleted = entry.IsDeleted ? true : null };
    }

    public static List<EntryResponse> From(IReadOnlyList<StreamEntry> entries, FieldEncoding requested)
    {
        var responses = new List<EntryResponse>(entries.Count);
        foreach (var entry in entries) responses.Add(From(entry, requested));
        return responses;
    }
}
