using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Streams;

public sealed record RangeResponse(string Stream, IReadOnlyList<EntryResponse> Entries);
