namespace OrleansStreams.Silo.Tests.Infrastructure;

/// <summary>
/// A silo and a real redis-server side by side. Tests send the same commands to both and compare the raw replies.
/// Use unique keys per test: the servers are shared by every test in the "differential" collection.
/// </summary>
public sealed class DifferentialFixture : IAsyncLifetime
{
    private InProcessSilo? _silo;
    private RedisServer? _redis;

    public RawRespClient Silo { get; private set; } = null!;

    public RawRespClient Redis { get; private set; } = null!;

    public InProcessSilo SiloServer => _silo!;

    public RedisServer RedisServer => _redis!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _silo = await InProcessSilo.StartAsync();
        Redis = await _redis.ConnectAsync();
        Silo = await _silo.ConnectAsync();
    }

    /// <summary>Sends the command to both servers and asserts the raw replies are identical.</summary>
    public async Task AssertSameAsync(params string[] command)
    {
        var expected = await Redis.ExecuteAsync(command);
        var actual = await Silo.ExecuteAsync(command);
        Assert.True(expected == actual, $"{string.Join(' ', command)}\n redis: {Show(expected)}\n  silo: {Show(actual)}");
    }

    public async Task AssertSameScriptAsync(IEnumerable<string[]> commands)
    {
        foreach (var command in commands) await AssertSameAsync(command);
    }

    /// <summary>Fresh connections to both servers (for RESP3, blocking or MULTI tests); dispose them after.</summary>
    public async Task<ClientPair> ConnectPairAsync(int protocol = 2)
    {
        var pair = new ClientPair(await _redis!.ConnectAsync(), await _silo!.ConnectAsync());
        if (protocol != 2)
        {
            await pair.Redis.ExecuteAsync("HELLO", protocol.ToString());
            await pair.Silo.ExecuteAsync("HELLO", protocol.ToString());
        }
        return pair;
    }

    public static string Show(string reply) => reply.Replace("\r\n", "\\r\\n");

    public async Task DisposeAsync()
    {
        if (Silo is not null) await Silo.DisposeAsync();
        if (Redis is not null) await Redis.DisposeAsync();
        if (_silo is not null) await _silo.DisposeAsync();
        if (_redis is not null) await _redis.DisposeAsync();
    }
}

[CollectionDefinition("differential")]
public sealed class DifferentialCollection : ICollectionFixture<DifferentialFixture>;
