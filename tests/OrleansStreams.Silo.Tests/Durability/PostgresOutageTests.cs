using System.Net;
using Npgsql;
using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>Issue 4 item 6 with PostgreSQL: the server goes away and comes back while the silo runs.</summary>
[Collection("durability")]
public sealed class PostgresOutageTests(PostgresCluster postgres)
{
    [Fact]
    public async Task Writes_WhilePostgresIsGone_FailClearlyAndWorkAgainWhenItReturns()
    {
        var direct = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync());
        await using var link = new DatabaseLink(new IPEndPoint(IPAddress.Loopback, direct.Port));
        var viaLink = new NpgsqlConnectionStringBuilder(direct.ConnectionString) { Host = "127.0.0.1", Port = link.Port, Timeout = 5 };
        await using var silo = await InProcessSilo.StartAsync(["--storage", "postgres", "--postgres", viaLink.ConnectionString]);
        await using var client = await silo.ConnectAsync();
        Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "s", "1-1", "a", "1"));
        Assert.Equal("$3\r\n1-1\r\n", await client.ExecuteAsync("XADD", "active", "1-1", "a", "1"));

        link.Cut();
        Assert.StartsWith("-ERR storage unavailable: ", await client.ExecuteAsync("XADD", "s", "2-1", "b", "2"));
        Assert.StartsWith("-ERR storage unavailable: ", await client.ExecuteAsync("SET", "k", "v"));
        // A key whose grain is active is still served from memory.
        Assert.Equal("*1\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n", await client.ExecuteAsync("XRANGE", "active", "-", "+"));

        link.Restore();
        Assert.Equal("$3\r\n3-1\r\n", await client.ExecuteAsync("XADD", "s", "3-1", "c", "3"));
        Assert.Equal("+OK\r\n", await client.ExecuteAsync("SET", "k", "v"));
        Assert.Equal(
            "*2\r\n*2\r\n$3\r\n1-1\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n3-1\r\n*2\r\n$1\r\nc\r\n$1\r\n3\r\n",
            await client.ExecuteAsync("XRANGE", "s", "-", "+"));
    }
}
