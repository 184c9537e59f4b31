using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Connection;

[Collection("differential")]
public sealed class ConnectionCommandTests(DifferentialFixture redis)
{
    [Theory]
    [InlineData("PING")]
    [InlineData("PING", "hello")]
    [InlineData("PING", "a", "b")]
    [InlineData("ECHO", "hi there")]
    [InlineData("ECHO")]
    [InlineData("SELECT", "0")]
    [InlineData("SELECT", "x")]
    [InlineData("HELLO", "4")]
    [InlineData("HELLO", "x")]
    [InlineData("HELLO", "2", "BOGUS")]
    [InlineData("AUTH", "secret")]
    [InlineData("AUTH", "a", "b", "c")]
    [InlineData("CLIENT", "SETNAME", "has space")]
    [InlineData("CLIENT", "NOPE")]
    [InlineData("CLIENT")]
    [InlineData("NOSUCHCOMMAND", "a", "b")]
    [InlineData("MULTI", "x")]
    [InlineData("EXEC")]
    [InlineData("DISCARD")]
    [InlineData("CONFIG", "SET", "no-such-option", "1")]
    [InlineData("FLUSHALL", "BOGUS")]
    [InlineData("SCAN", "abc")]
    [InlineData("SCAN", "0", "COUNT", "0")]
    [InlineData("SCAN", "0", "COUNT", "x")]
    [InlineData("TYPE", "connection:missing")]
    [InlineData("EXISTS", "connection:missing", "connection:missing2")]
    [InlineData("DEL", "connection:missing")]
    public Task Command_RepliesAsRedisDoes(params string[] command) => redis.AssertSameAsync(command);

    [Fact]
    public async Task ClientSetNameThenGetName_RoundTrips()
    {
        await using var pair = await redis.ConnectPairAsync();
        await pair.AssertSameAsync("CLIENT", "GETNAME");
        await pair.AssertSameAsync("CLIENT", "SETNAME", "worker-1");
        await pair.AssertSameAsync("CLIENT", "GETNAME");
    }

    [Fact]
    public async Task ClientSetInfo_RecordsTheLibrary()
    {
        // CLIENT SETINFO is 7.2+, so Debian's 7.0 cannot be the oracle; CLIENT INFO shows what was recorded.
        await using var client = await redis.SiloServer.ConnectAsync();
        Assert.Equal("+OK\r\n", await client.ExecuteAsync("CLIENT", "SETINFO", "LIB-NAME", "tests"));
        Assert.Equal("+OK\r\n", await client.ExecuteAsync("CLIENT", "SETINFO", "LIB-VER", "1.0"));
        Assert.StartsWith("-ERR Unrecognized option", await client.ExecuteAsync("CLIENT", "SETINFO", "BOGUS", "x"));
        var info = await client.ExecuteAsync("CLIENT", "INFO");
        Assert.Contains("lib-name=tests lib-ver=1.0", info);
    }

    [Fact]
    public async Task Hello3_SwitchesToResp3Nulls()
    {
        await using var pair = await redis.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("CLIENT", "GETNAME");
        await pair.AssertSameAsync("PING");
    }

    [Fact]
    public async Task Hello_DescribesTheServerAsAMap()
    {
        await using var client = await redis.SiloServer.ConnectAsync();
        var reply = await client.ExecuteAsync("HELLO", "3");
        Assert.StartsWith("%7\r\n$6\r\nserver\r\n$5\r\nredis\r\n$7\r\nversion\r\n", reply);
        Assert.Contains("$5\r\nproto\r\n:3\r\n", reply);
        Assert.Contains("$4\r\nmode\r\n$10\r\nstandalone\r\n", reply);
    }

    [Fact]
    public async Task MultiExec_QueuesAndRunsInOrder()
    {
        await using var pair = await redis.ConnectPairAsync();
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("PING");
        await pair.AssertSameAsync("ECHO", "x");
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("EXEC");
        await pair.AssertSameAsync("EXEC");
    }

    [Fact]
    public async Task MultiWithAnErrorWhileQueueing_AbortsAtExec()
    {
        await using var pair = await redis.ConnectPairAsync();
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("PING");
        await pair.AssertSameAsync("NOSUCH");
        await pair.AssertSameAsync("ECHO");
        await pair.AssertSameAsync("EXEC");
        await pair.AssertSameAsync("PING");
    }

    [Fact]
    public async Task MultiThenDiscard_DropsTheQueue()
    {
        await using var pair = await redis.ConnectPairAsync();
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("PING");
        await pair.AssertSameAsync("WATCH", "k");
        await pair.AssertSameAsync("DISCARD");
        await pair.AssertSameAsync("DISCARD");
    }

    [Fact]
    public async Task CommandInfo_DescribesKnownCommandsAndNullsUnknownOnes()
    {
        await using var client = await redis.SiloServer.ConnectAsync();
        var reply = await client.ExecuteAsync("COMMAND", "INFO", "ping", "nosuch");
        Assert.StartsWith("*2\r\n*10\r\n$4\r\nping\r\n:-1\r\n", reply);
        Assert.EndsWith("*-1\r\n", reply);
        var count = await client.ExecuteAsync("COMMAND", "COUNT");
        Assert.Matches(@"^:\d+\r\n$", count);
    }

    [Fact]
    public async Task Info_HasTheSectionsClientsRead()
    {
        await using var client = await redis.SiloServer.ConnectAsync();
        var reply = await client.ExecuteAsync("INFO");
        Assert.Contains("# Server\r\nredis_version:", reply);
        Assert.Contains("connected_clients:", reply);
        Assert.Contains("used_memory:", reply);
        Assert.Contains("# Keyspace", reply);
        var clients = await client.ExecuteAsync("INFO", "clients");
        Assert.DoesNotContain("# Server", clients);
    }

    [Fact]
    public async Task Quit_RepliesOkAndCloses()
    {
        await using var client = await redis.SiloServer.ConnectAsync();
        Assert.Equal("+OK\r\n", await client.ExecuteAsync("QUIT"));
        Assert.True(await client.IsClosedByServerAsync());
    }

    [Fact]
    public async Task InlineCommands_AreServedLikeRedis()
    {
        await using var pair = await redis.ConnectPairAsync();
        foreach (var client in new[] { pair.Redis, pair.Silo })
        {
            await client.SendRawAsync("PING\r\nECHO \"two words\"\r\n"u8.ToArray());
        }
        Assert.Equal(await pair.Redis.ReadReplyAsync(), await pair.Silo.ReadReplyAsync());
        Assert.Equal(await pair.Redis.ReadReplyAsync(), await pair.Silo.ReadReplyAsync());
    }
}
