using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

public sealed record ReadGroupResponse(string Stream, string Group, string Consumer, IReadOnlyList<EntryResponse> Entries);
