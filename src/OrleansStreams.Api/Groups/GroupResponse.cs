using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>One group of XINFO GROUPS. <see cref="Lag"/> is null when the silo cannot know it, as in Redis.</summary>
public sealed record GroupResponse(string Name, long Consumers, long Pending, string LastDeliveredId, long? EntriesRead, long? Lag)
{
    public static GroupResponse From(GroupInfo group) =>
        new(group.Name, group.Consumers, group.Pending, group.LastDeliveredId, group.EntriesRead, group.Lag);
}
