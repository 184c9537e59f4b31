namespace OrleansStreams.Silo.Tests.Infrastructure;

/// <summary>One connection to redis-server and one to the silo, driven in lockstep.</summary>
public sealed class ClientPair(RawRespClient redis, RawRespClient silo) : IAsyncDisposable
{
    public RawRespClient Redis { get; } = redis;

    public RawRespClient Silo { get; } = silo;

    public async Task AssertSameAsync(params string[] command)
    {
        var expected = await Redis.ExecuteAsync(command);
        var actual = await Silo.ExecuteAsync(command);
        Assert.True(expected == actual, $"{string.Join(' ', command)}\n redis: {DifferentialFixture.Show(expected)}\n  silo: {DifferentialFixture.Show(actual)}");
    }

    public async ValueTask DisposeAsync()
    {
        await Redis.DisposeAsync();
        await Silo.DisposeAsync();
    }
}
