using OrleansStreams.Client;

namespace OrleansStreams.Api.Groups;

/// <summary>XGROUPPOLICY GET: the settings and counters; <see cref="Fields"/> holds every field the silo sent.</summary>
public sealed record PolicyResponse(
    long? ClaimIdleMs,
    long? MaxDeliveries,
    string? DeadLetter,
    long? Reclaimed,
    long? DeadLettered,
    IReadOnlyDictionary<string, string?> Fields)
{
    public static PolicyResponse From(GroupPolicyInfo policy) => new(
        policy.ClaimIdle is { } idle ? (long)idle.TotalMilliseconds : null,
        policy.MaxDeliveries,
        policy.DeadLetter,
        policy.Reclaimed,
        policy.DeadLettered,
        policy.Fields.ToDictionary(field => field.Key, field => field.Value.AsString(), StringComparer.Ordinal));
}
