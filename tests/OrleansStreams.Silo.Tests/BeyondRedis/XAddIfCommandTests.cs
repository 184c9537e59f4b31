using OrleansStreams.Silo.Tests.Durability;
using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.BeyondRedis;

/// <summary>XADDIF and XADDMULTIIF over real connections: replies, VERSIONMISMATCH, XADD's options, and races.</summary>
public sealed class XAddIfCommandTests : IAsyncLifetime
{
    private InProcessSilo _silo = null!;
    private RawRespClient _client = null!;

    public async Task InitializeAsync()
    {
        _silo = await InProcessSilo.StartAsync();
        _client = await _silo.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _silo.DisposeAsync();
    }

    [Fact]
    public async Task XAddIf_AppendsAtTheExpectedVersion_AndRefusesAnyOther()
    {
        var key = StreamKeys.New("xaddif");

        Assert.Equal("-VERSIONMISMATCH expected version 1 but stream is at 0\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "1", "1-1", "a", "1"));
        Assert.Equal(":0\r\n", await _client.ExecuteAsync("EXISTS", key));
        Assert.Equal("$3\r\n1-1\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "1-1", "a", "1"));
        Assert.Equal("$3\r\n1-2\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "1", "1-*", "b", "2"));
        Assert.Equal("-VERSIONMISMATCH expected version 1 but stream is at 2\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "1", "*", "c", "3"));

        // The version is entries-added: deleting and trimming do not lower it.
        Assert.Equal(":1\r\n", await _client.ExecuteAsync("XDEL", key, "1-2"));
        Assert.Equal("-VERSIONMISMATCH expected version 1 but stream is at 2\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "1", "*", "c", "3"));
        Assert.Equal("$3\r\n2-0\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "2", "MAXLEN", "1", "2", "c", "3"));
        Assert.Equal(":1\r\n", await _client.ExecuteAsync("XLEN", key));
        Assert.Contains("$13\r\nentries-added\r\n:3\r\n", await _client.ExecuteAsync("XINFO", "STREAM", key));
    }

    [Fact]
    public async Task XAddIf_TakesXAddsOptionsAndErrors()
    {
        var key = StreamKeys.New("xaddif-options");
        await _client.ExecuteAsync("SET", key + ":string", "x");

        Assert.Equal("$-1\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "NOMKSTREAM", "*", "a", "1"));
        Assert.Equal(":0\r\n", await _client.ExecuteAsync("EXISTS", key));
        Assert.Equal("-ERR The ID specified in XADD must be greater than 0-0\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "0-0", "a", "1"));
        Assert.Equal("-ERR Invalid stream ID specified as stream command argument\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "bad", "a", "1"));
        Assert.Equal("-ERR syntax error, MAXLEN and MINID options at the same time are not compatible\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "MAXLEN", "1", "MINID", "1", "*", "a", "1"));
        Assert.Equal("-ERR wrong number of arguments for 'xaddif' command\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "*", "a", "1", "b"));
        Assert.Equal("-ERR wrong number of arguments for 'xaddif' command\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "*", "a"));
        Assert.Equal("-ERR syntax error\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSIO", "0", "*", "a", "1"));
        Assert.Equal("-ERR value is not an integer or out of range\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "x", "*", "a", "1"));
        Assert.Equal("-ERR VERSION must be >= 0\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "-1", "*", "a", "1"));
        Assert.Equal("-WRONGTYPE Operation against a key holding the wrong kind of value\r\n", await _client.ExecuteAsync("XADDIF", key + ":string", "VERSION", "0", "*", "a", "1"));
        Assert.Equal("$3\r\n5-0\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "0", "5", "a", "1"));
        Assert.Equal("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n", await _client.ExecuteAsync("XADDIF", key, "VERSION", "1", "4", "a", "1"));
    }

    [Fact]
    public async Task XAddMultiIf_AppendsEveryEntryOrNone_AndRepliesTheIds()
    {
        var key = StreamKeys.New("xaddmultiif");

        Assert.Equal("*3\r\n$3\r\n1-0\r\n$3\r\n1-1\r\n$3\r\n2-0\r\n",
            await _client.ExecuteAsync("XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "3", "1", "1", "type", "created", "1-*", "2", "type", "renamed", "name", "ada", "2-0", "1", "type", "closed"));
        Assert.Equal("-VERSIONMISMATCH expected version 0 but stream is at 3\r\n",
            await _client.ExecuteAsync("XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "1", "*", "1", "a", "1"));
        // The second entry cannot be added, so neither is.
        Assert.Equal("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n",
            await _client.ExecuteAsync("XADDMULTIIF", key, "VERSION", "3", "ENTRIES", "2", "3", "1", "a", "1", "3", "1", "b", "2"));
        Assert.Equal(":3\r\n", await _client.ExecuteAsync("XLEN", key));
        Assert.Equal("*2\r\n$3\r\n3-0\r\n$3\r\n4-0\r\n",
            await _client.ExecuteAsync("XADDMULTIIF", key, "VERSION", "3", "MAXLEN", "=", "2", "ENTRIES", "2", "3", "1", "a", "1", "4", "1", "b", "2"));
        Assert.Equal("*2\r\n*2\r\n$3\r\n3-0\r\n*2\r\n$1\r\na\r\n$1\r\n1\r\n*2\r\n$3\r\n4-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n", await _client.ExecuteAsync("XRANGE", key, "-", "+"));
        Assert.Equal("*-1\r\n", await _client.ExecuteAsync("XADDMULTIIF", key + ":none", "VERSION", "0", "NOMKSTREAM", "ENTRIES", "1", "*", "1", "a", "1"));
    }

    [Fact]
    public async Task XAddMultiIf_WithAMalformedEntryList_IsASyntaxError()
    {
        var key = StreamKeys.New("xaddmultiif-bad");
        (string[] Command, string Error)[] cases =
        [
            (["XADDMULTIIF", key, "VERSION", "0", "*", "1", "a", "1", "x", "y"], "-ERR syntax error\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "*", "1", "a", "1", "x"], "-ERR wrong number of arguments for 'xaddmultiif' command\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "MAXLEN", "1", "LIMIT", "5", "x", "y"], "-ERR syntax error\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "0", "*", "1", "a", "1"], "-ERR ENTRIES count must be > 0\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "2", "*", "1", "a", "1"], "-ERR syntax error\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "1", "*", "2", "a", "1"], "-ERR syntax error\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "1", "*", "0", "a", "1"], "-ERR the number of field-value pairs of an entry must be > 0\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "1", "*", "1", "a", "1", "extra"], "-ERR syntax error\r\n"),
            (["XADDMULTIIF", key, "VERSION", "0", "ENTRIES", "1", "0-0", "1", "a", "1"], "-ERR The ID specified in XADD must be greater than 0-0\r\n"),
        ];
        foreach (var (command, error) in cases)
        {
            Assert.Equal((string.Join(' ', command), error), (string.Join(' ', command), await _client.ExecuteAsync(command)));
        }
        Assert.Equal(":0\r\n", await _client.ExecuteAsync("EXISTS", key));
    }

    [Fact]
    public async Task ManyConcurrentXAddIfs_AtTheSameVersion_ExactlyOneSucceeds()
    {
        const int Writers = 40;
        var key = StreamKeys.New("xaddif-race");
        Assert.Equal("$3\r\n1-0\r\n", await _client.ExecuteAsync("XADD", key, "1-0", "seed", "0"));
        var clients = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => _silo.ConnectAsync()));
        try
        {
            using var start = new SemaphoreSlim(0);
            var attempts = clients.Select(async (client, i) =>
            {
                await start.WaitAsync();
                return await client.ExecuteAsync("XADDIF", key, "VERSION", "1", "*", "writer", i.ToString());
            }).ToArray();
            start.Release(Writers);
            var replies = await Task.WhenAll(attempts);

            Assert.Single(replies, r => r.StartsWith('$'));
            Assert.Equal(Writers - 1, replies.Count(r => r == "-VERSIONMISMATCH expected version 1 but stream is at 2\r\n"));
            Assert.Equal(":2\r\n", await _client.ExecuteAsync("XLEN", key));
        }
        finally
        {
            foreach (var client in clients) await client.DisposeAsync();
        }
    }
}
