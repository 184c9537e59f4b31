namespace OrleansStreams.Storage.Tests;

internal static class TestTimeouts
{
    /// <summary>How long a test waits for something it expects to happen before failing with a message.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(30);
}
