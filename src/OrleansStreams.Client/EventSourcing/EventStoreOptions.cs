namespace OrleansStreams.Client;

/// <summary>How events map onto stream entries, and how many entries a read asks for at a time.</summary>
public sealed record EventStoreOptions
{
    public string TypeField { get; init; } = "type";

    public string DataField { get; init; } = "data";

    public int PageSize { get; init; } = 256;

    /// <summary>BLOCK time of a live projection's reads once it has caught up.</summary>
    public TimeSpan ProjectionBlock { get; init; } = TimeSpan.FromSeconds(5);
}
