namespace OrleansStreams.Silo.Tests.Streams;

internal static class StreamKeys
{
    /// <summary>A key no other test uses (the differential servers are shared).</summary>
    public static string New(string name) => $"stream:{name}:{Guid.NewGuid():N}";
}
