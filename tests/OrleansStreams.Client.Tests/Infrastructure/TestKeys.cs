namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>Unique keys per test, so tests sharing a server never see each other's data.</summary>
public static class TestKeys
{
    public static string New(string name) => $"{name}:{Guid.NewGuid():N}";
}
