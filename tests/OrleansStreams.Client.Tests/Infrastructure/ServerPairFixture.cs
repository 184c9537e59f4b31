using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Infrastructure;

/// <summary>The silo and a real redis-server side by side, each with a client, for tests that compare the two.</summary>
public sealed class ServerPairFixture : IAsyncLifetime
{
    private InProcessSilo? _silo;
    private RedisServer? _redis;

    public StreamsClient Silo { get; private set; } = null!;

    public StreamsClient Redis { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _redis = await RedisServer.StartAsync();
        Silo = await StreamsClient.ConnectAsync(new StreamsClientOptions { Port = _silo.Port });
        Redis = await StreamsClient.ConnectAsync(new StreamsClientOptions { Port = _redis.Port });
    }

    public async Task DisposeAsync()
    {
        await Silo.DisposeAsync();
        await Redis.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }
}
