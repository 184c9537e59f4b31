using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Streams;

/// <summary>One entry of a batch append; its ID is chosen by the silo.</summary>
public sealed record BatchEntry
{
    public JsonFields? Fields { get; init; }

    public FieldEncoding Encoding { get; init; } = FieldEncoding.Utf8;
}
