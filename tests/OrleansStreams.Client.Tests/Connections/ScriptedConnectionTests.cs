using OrleansStreams.Client.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Client.Tests.Connections;

/// <summary>Pipelining, cancellation, timeouts and connection loss, shown against a server the test scripts by hand.</summary>
public sealed class ScriptedConnectionTests
{
    [Fact]
    public async Task ConcurrentCalls_AreAllInFlightOnOneConnection_AndEachGetsItsOwnReply()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options);
        var calls = Enumerable.Range(0, 50).Select(i => client.ExecuteAsync("ECHO", $"value-{i}")).ToList();
        var connection = await server.AcceptAsync();
        var received = new List<string>();
        // Every command arrives before the server has answered any: they are pipelined, not sent one by one.
        for (var i = 0; i < calls.Count; i++) received.Add((await connection.ReceiveCommandAsync())[1]);
        Assert.All(calls, call => Assert.False(call.IsCompleted));
        foreach (var value in received) await connection.SendAsync($"${value.Length}\r\n{value}\r\n");
        var replies = await Task.WhenAll(calls);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"value-{i}"), replies.Select(reply => reply.AsString()));
    }

    [Fact]
    public async Task CancelledCall_ItsLateReplyIsDropped_AndTheNextCallGetsItsOwnReply()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options);
        using var cancel = new CancellationTokenSource();
        var first = client.ExecuteAsync(["ECHO", "first"], cancel.Token);
        var connection = await server.AcceptAsync();
        Assert.Equal(["ECHO", "first"], await connection.ReceiveCommandAsync());
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var second = client.ExecuteAsync("ECHO", "second");
        Assert.Equal(["ECHO", "second"], await connection.ReceiveCommandAsync());
        await connection.SendAsync("$5\r\nfirst\r\n$6\r\nsecond\r\n");
        Assert.Equal("second", (await second).AsString());
    }

    [Fact]
    public async Task NoReplyWithinTheCommandTimeout_ThrowsTimeoutNamingTheCommand()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options with { CommandTimeout = TimeSpan.FromMilliseconds(300) });
        // The server accepts the connection and reads the command but never answers.
        var error = await Assert.ThrowsAsync<StreamsTimeoutException>(() => client.XLenAsync("silent"));
        Assert.StartsWith("XLEN timed out after 300 ms", error.Message);
    }

    [Fact]
    public async Task ServerClosingTheConnection_FailsTheCommandInFlight_SayingItWasSent()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options);
        var call = client.XLenAsync("doomed");
        var connection = await server.AcceptAsync();
        await connection.ReceiveCommandAsync();
        connection.Dispose();
        var error = await Assert.ThrowsAsync<StreamsConnectionException>(() => call);
        Assert.True(error.CommandWasSent);
    }

    [Fact]
    public async Task NoServerListening_ThrowsTimeout_WithTheConnectionFailureAsCause()
    {
        var port = FreePort.Next();
        await using var client = new StreamsClient(new StreamsClientOptions { Port = port, CommandTimeout = TimeSpan.FromMilliseconds(500) });
        var error = await Assert.ThrowsAsync<StreamsTimeoutException>(() => client.PingAsync());
        Assert.Contains("no connection", error.Message);
        Assert.IsType<StreamsConnectionException>(error.InnerException);
    }

    [Fact]
    public async Task BlockingRead_WaitsOnItsOwnConnection_WhileOtherCallsAreAnswered()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options);
        var blocked = client.XReadAsync("feed", "$", block: TimeSpan.Zero);
        var dedicated = await server.AcceptAsync();
        Assert.Equal(["XREAD", "BLOCK", "0", "STREAMS", "feed", "$"], await dedicated.ReceiveCommandAsync());

        var ping = client.PingAsync();
        var shared = await server.AcceptAsync();
        Assert.Equal(["PING"], await shared.ReceiveCommandAsync());
        await shared.SendAsync("+PONG\r\n");
        await ping;
        Assert.False(blocked.IsCompleted);

        await dedicated.SendAsync("*-1\r\n");
        Assert.Empty(await blocked);
    }

    [Fact]
    public async Task ErrorReply_IsThrownByTypedCalls_AndReturnedByExecute()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options);
        var typed = client.XLenAsync("k");
        var generic = client.ExecuteAsync("XLEN", "k");
        var connection = await server.AcceptAsync();
        await connection.ReceiveCommandAsync();
        await connection.ReceiveCommandAsync();
        await connection.SendAsync("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n-WRONGTYPE again\r\n");
        var error = await Assert.ThrowsAsync<StreamsServerException>(() => typed);
        Assert.Equal("WRONGTYPE Operation against a key holding the wrong kind of value", error.Message);
        Assert.Equal("WRONGTYPE", error.ErrorCode);
        var reply = await generic;
        Assert.True(reply.IsError);
        Assert.Equal("WRONGTYPE again", reply.AsString());
    }

    [Fact]
    public async Task NewConnections_AuthenticateAndNameThemselvesFirst()
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options with { Password = "secret", User = "app", ClientName = "worker-1" });
        var ping = client.PingAsync();
        var connection = await server.AcceptAsync();
        Assert.Equal(["AUTH", "app", "secret"], await connection.ReceiveCommandAsync());
        await connection.SendAsync("+OK\r\n");
        Assert.Equal(["CLIENT", "SETNAME", "worker-1"], await connection.ReceiveCommandAsync());
        await connection.SendAsync("+OK\r\n");
        Assert.Equal(["PING"], await connection.ReceiveCommandAsync());
        await connection.SendAsync("+PONG\r\n");
        await ping;
    }

    [Theory]
    [InlineData("MULTI")]
    [InlineData("subscribe", "channel")]
    [InlineData("SELECT", "1")]
    [InlineData("CLIENT", "REPLY", "OFF")]
    public async Task CommandsThatChangeTheSharedConnectionsState_AreRefusedBeforeSending(params string[] command)
    {
        await using var server = new ScriptedServer();
        await using var client = new StreamsClient(server.Options);
        Assert.Throws<NotSupportedException>(() => { _ = client.ExecuteAsync(command); });

        // Nothing was sent: the first thing the server sees is the next command.
        var ping = client.ExecuteAsync("PING");
        var connection = await server.AcceptAsync();
        Assert.Equal(["PING"], await connection.ReceiveCommandAsync());
        await connection.SendAsync("+PONG\r\n");
        Assert.Equal("PONG", (await ping).AsString());
    }
}
