namespace OrleansStreams.Api.Overview;

/// <summary>
/// One stream. <see cref="EntriesAdded"/> only grows, so the change between two overviews over the time between
/// them is the append rate.
/// </summary>
public sealed record StreamOverview(
    string Name,
    long Length,
    long EntriesAdded,
    string LastGeneratedId,
    string? FirstEntryId,
    string? LastEntryId,
    long Groups,
    bool IsDeadLetter);
