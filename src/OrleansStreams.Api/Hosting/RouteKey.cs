namespace OrleansStreams.Api.Hosting;

/// <summary>A Redis key taken from one URL path segment.</summary>
public static class RouteKey
{
    /// <summary>The server decodes every escape in a path except %2F, so a key holding '/' arrives with it still escaped.</summary>
    public static string Decode(string segment) =>
        segment.Contains('%', StringComparison.Ordinal) ? segment.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase) : segment;
}
