using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>One group of XINFO GROUPS. <see cref="Fields"/> holds every field as sent (policy counters too).</summary>
public sealed record GroupInfo(
    string Name,
    long Consumers,
    long Pending,
    string LastDeliveredId,
    long? EntriesRead,
    long? Lag,
    IReadOnlyDictionary<string, RespValue> Fields)
{
    /// <summary>The group's XGROUPPOLICY settings and counters, which the silo adds to XINFO GROUPS; null without a policy.</summary>
    public GroupPolicyInfo? Policy => Fields.ContainsKey("claim-idle") || Fields.ContainsKey("max-deliveries") ? new GroupPolicyInfo(Fields) : null;
}
