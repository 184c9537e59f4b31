namespace OrleansStreams.Api.Tests.Infrastructure;

public static class UniqueKey
{
    public static string For(string purpose) => $"{purpose}-{Guid.NewGuid():N}";
}
