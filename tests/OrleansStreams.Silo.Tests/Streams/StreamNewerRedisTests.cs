using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>
/// The <see cref="KnownDifferences"/>: behaviour of Redis 7.2+/7.4 that the 7.0 oracle lacks, checked against the
/// replies documented in the reference (section numbers given), on the silo alone.
/// </summary>
[Collection("differential")]
public sealed class StreamNewerRedisTests(DifferentialFixture fixture)
{
    private RawRespClient Silo => fixture.Silo;

    [Fact]
    public async Task XAdd_WithOverflowingSequence_ReportsIdNotGreater()
    {
        // Section 3.1: 7.2+ reply with the "equal or smaller" error.
        var key = StreamKeys.New("seq-overflow");
        await Silo.ExecuteAsync("XADD", key, "5-18446744073709551615", "f", "v");
        Assert.Equal("-ERR The ID specified in XADD is equal or smaller than the target stream top item\r\n", await Silo.ExecuteAsync("XADD", key, "5-*", "f", "v"));
    }

    [Fact]
    public async Task XSetId_BelowTheCurrentMaxDeletedId_IsRefused()
    {
        // Section 3.5 (7.2+).
        var key = StreamKeys.New("setid-maxdeleted");
        await Silo.ExecuteAsync("XADD", key, "5-0", "f", "v");
        await Silo.ExecuteAsync("XDEL", key, "5-0");
        Assert.Equal("-ERR The ID specified in XSETID is smaller than current max_deleted_entry_id\r\n", await Silo.ExecuteAsync("XSETID", key, "4-0"));
        Assert.Equal("+OK\r\n", await Silo.ExecuteAsync("XSETID", key, "5-0"));
    }

    [Fact]
    public async Task XRead_WithUnbalancedStreams_UsesTheNewerText()
    {
        // Section 4.3, current wording.
        Assert.Equal(
            "-ERR Unbalanced 'xread' list of streams: for each stream key an ID, '+', or '$' must be specified.\r\n",
            await Silo.ExecuteAsync("XREAD", "STREAMS", "a", "b", "0"));
    }

    [Fact]
    public async Task XRead_WithATimeoutThatOverflows_IsRefused()
    {
        // Section 4.3: a value that overflows once added to now gives "timeout is out of range".
        Assert.Equal("-ERR timeout is out of range\r\n", await Silo.ExecuteAsync("XREAD", "BLOCK", "9223372036854775807", "STREAMS", StreamKeys.New("overflow"), "0"));
    }

    [Fact]
    public async Task XRead_WithPlus_ReturnsOnlyTheLastEntry_WhileItIsLive()
    {
        // Section 4.3 (7.4+): '+' is the last entry; COUNT is effectively 1; a deleted last entry returns nothing.
        var key = StreamKeys.New("plus");
        var missing = StreamKeys.New("plus-missing");
        await Silo.ExecuteAsync("XADD", key, "1-0", "a", "1");
        await Silo.ExecuteAsync("XADD", key, "2-0", "b", "2");
        Assert.Equal(
            $"*1\r\n*2\r\n${key.Length}\r\n{key}\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$1\r\nb\r\n$1\r\n2\r\n",
            await Silo.ExecuteAsync("XREAD", "COUNT", "10", "STREAMS", key, missing, "+", "+"));
        await Silo.ExecuteAsync("XDEL", key, "2-0");
        Assert.Equal("*-1\r\n", await Silo.ExecuteAsync("XREAD", "STREAMS", key, "+"));
    }

    [Fact]
    public async Task BlockedXReadWithPlus_ReturnsTheNewestEntryWhenWoken()
    {
        // Section 6: '+' is not replaced before blocking; the re-run reads the last entry again.
        var key = StreamKeys.New("plus-blocked");
        await using var reader = await fixture.SiloServer.ConnectAsync();
        await reader.SendAsync("XREAD", "BLOCK", "0", "STREAMS", key, "+");
        await WaitUntilBlockedAsync();
        await Silo.ExecuteAsync("XADD", key, "7-0", "f", "v");
        Assert.Equal($"*1\r\n*2\r\n${key.Length}\r\n{key}\r\n*1\r\n*2\r\n$3\r\n7-0\r\n*2\r\n$1\r\nf\r\n$1\r\nv\r\n", await reader.ReadReplyAsync());
    }

    [Fact]
    public async Task AutoIds_InsideOneTransaction_ShareOneClockReading()
    {
        // Section 1: one time snapshot per command, and every XADD inside one MULTI sees the same "now".
        var key = StreamKeys.New("multi-clock");
        await using var client = await fixture.SiloServer.ConnectAsync();
        await client.ExecuteAsync("MULTI");
        for (var i = 0; i < 3; i++) await client.ExecuteAsync("XADD", key, "*", "n", i.ToString());
        var replies = (await client.ExecuteAsync("EXEC")).Split("\r\n").Where(line => line.Contains('-')).ToArray();
        Assert.Equal(3, replies.Length);
        var ms = replies[0].Split('-')[0];
        Assert.Equal([$"{ms}-0", $"{ms}-1", $"{ms}-2"], replies);
    }

    private async Task WaitUntilBlockedAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!(await Silo.ExecuteAsync("INFO", "clients")).Contains("blocked_clients:1\r\n"))
        {
            Assert.False(timeout.IsCancellationRequested, "the reader never blocked");
            await Task.Yield();
        }
    }
}
