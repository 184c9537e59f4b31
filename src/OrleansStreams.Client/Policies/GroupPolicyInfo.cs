using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>
/// XGROUPPOLICY GET: the settings and counters as a map. The named properties read the usual names;
/// <see cref="Fields"/> holds everything the server sent.
/// </summary>
public sealed record GroupPolicyInfo(IReadOnlyDictionary<string, RespValue> Fields)
{
    public TimeSpan? ClaimIdle => Number("claimidle", "claim-idle") is { } ms ? TimeSpan.FromMilliseconds(ms) : null;

    public long? MaxDeliveries => Number("maxdeliveries", "max-deliveries");

    public string? DeadLetter => Text("deadletter", "dead-letter");

    public long? Reclaimed => Number("reclaimed");

    public long? DeadLettered => Number("deadlettered", "dead-lettered");

    private long? Number(params string[] names)
    {
        foreach (var name in names)
        {
            if (Fields.TryGetValue(name, out var value) && !value.IsNull) return value.AsInt64();
        }
        return null;
    }

    private string? Text(params string[] names)
    {
        foreach (var name in names)
        {
            if (Fields.TryGetValue(name, out var value) && !value.IsNull) return value.AsString();
        }
        return null;
    }
}
