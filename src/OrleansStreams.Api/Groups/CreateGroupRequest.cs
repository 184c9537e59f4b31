namespace OrleansStreams.Api.Groups;

/// <summary>XGROUP CREATE: a group that delivers entries after <see cref="StartId"/> ("$" = only new ones, "0" = all).</summary>
public sealed record CreateGroupRequest
{
    public string? Name { get; init; }

    public string StartId { get; init; } = "$";

    /// <summary>Create the stream when it does not exist (MKSTREAM).</summary>
    public bool MkStream { get; init; }

    public long? EntriesRead { get; init; }
}
