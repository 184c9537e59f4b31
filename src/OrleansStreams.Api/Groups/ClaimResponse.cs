using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

/// <summary>The claimed IDs, and the entries themselves unless JUSTID was asked for.</summary>
public sealed record ClaimResponse(IReadOnlyList<string> Ids, IReadOnlyList<EntryResponse> Entries);
