using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Connection;

/// <summary>--requirepass on the silo against requirepass on redis-server: the same replies before and after AUTH.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private InProcessSilo _silo = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync("--requirepass", "s3cret");
        _silo = await InProcessSilo.StartAsync(["--requirepass", "s3cret"]);
    }

    public async Task DisposeAsync()
    {
        await _silo.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [Fact]
    public async Task CommandsBeforeAuth_GetNoAuthAndAuthUnlocksThem()
    {
        await using var pair = new ClientPair(await _redis.ConnectAsync(), await _silo.ConnectAsync());
        await pair.AssertSameAsync("PING");
        await pair.AssertSameAsync("DBSIZE");
        await pair.AssertSameAsync("HELLO", "3");
        await pair.AssertSameAsync("AUTH", "wrong");
        await pair.AssertSameAsync("AUTH", "nobody", "s3cret");
        await pair.AssertSameAsync("AUTH", "s3cret");
        await pair.AssertSameAsync("PING");
        await pair.AssertSameAsync("AUTH", "default", "s3cret");
    }

    [Fact]
    public async Task LargeRequestBeforeAuth_IsRefusedAndTheConnectionClosed()
    {
        await using var pair = new ClientPair(await _redis.ConnectAsync(), await _silo.ConnectAsync());
        var request = RawRespClient.Encode(Enumerable.Repeat("x", 11).ToArray());
        await pair.Redis.SendRawAsync(request);
        await pair.Silo.SendRawAsync(request);
        Assert.Equal(await pair.Redis.ReadReplyAsync(), await pair.Silo.ReadReplyAsync());
        Assert.True(await pair.Silo.IsClosedByServerAsync());
    }
}
