namespace OrleansStreams.Api.Groups;

public sealed record PendingEntriesResponse(IReadOnlyList<PendingEntryResponse> Entries);
