using OrleansStreams.Api.Entries;

namespace OrleansStreams.Api.Groups;

/// <summary>Where to continue ("0-0" when the scan is complete), what was claimed, and pending IDs no longer in the stream.</summary>
public sealed record AutoClaimResponse(string NextStart, IReadOnlyList<string> Ids, IReadOnlyList<EntryResponse> Entries, IReadOnlyList<string> DeletedIds);
