namespace OrleansStreams.GrainHost.Tests;

public static class TestTimeouts
{
    /// <summary>How long a test waits for an event before failing; events normally arrive in microseconds.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);
}
