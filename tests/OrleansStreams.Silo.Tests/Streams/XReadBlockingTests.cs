using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>
/// Blocked XREADs on both servers: each is woken by an XADD from another connection. The reader's reply is
/// compared once it arrives; a client counts as blocked (INFO blocked_clients) only after its first attempt found
/// nothing, so waiting for that count means <c>$</c> has been resolved.
/// </summary>
[Collection("differential")]
public sealed class XReadBlockingTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task BlockedXRead_IsWokenByXAddFromAnotherConnection_AndGetsOnlyTheNewEntry()
    {
        var key = StreamKeys.New("blocked");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "old", "1"],
            ["XADD", key, "2-0", "old", "2"],
        ]);
        await using var reader = await fixture.ConnectPairAsync();
        await reader.Redis.SendAsync("XREAD", "BLOCK", "0", "STREAMS", key, "$");
        await reader.Silo.SendAsync("XREAD", "BLOCK", "0", "STREAMS", key, "$");
        await WaitUntilBlockedAsync(fixture.Redis, 1);
        await WaitUntilBlockedAsync(fixture.Silo, 1);

        await fixture.AssertSameAsync("XADD", key, "3-0", "new", "3");

        var expected = await reader.Redis.ReadReplyAsync();
        var actual = await reader.Silo.ReadReplyAsync();
        Assert.Equal(expected, actual);
        Assert.Contains("3-0", actual);
        Assert.DoesNotContain("2-0", actual);
        await WaitUntilBlockedAsync(fixture.Silo, 0);
    }

    [Fact]
    public async Task BlockedXRead_OnTwoKeys_IsServedByTheKeyThatGotData()
    {
        var quiet = StreamKeys.New("quiet");
        var busy = StreamKeys.New("busy");
        await using var reader = await fixture.ConnectPairAsync(protocol: 3);
        await reader.Redis.SendAsync("XREAD", "COUNT", "5", "BLOCK", "0", "STREAMS", quiet, busy, "$", "0-5");
        await reader.Silo.SendAsync("XREAD", "COUNT", "5", "BLOCK", "0", "STREAMS", quiet, busy, "$", "0-5");
        await WaitUntilBlockedAsync(fixture.Redis, 1);
        await WaitUntilBlockedAsync(fixture.Silo, 1);

        await fixture.AssertSameAsync("XADD", busy, "0-3", "too", "old");
        await fixture.AssertSameAsync("XADD", busy, "0-7", "fresh", "yes");

        Assert.Equal(await reader.Redis.ReadReplyAsync(), await reader.Silo.ReadReplyAsync());
    }

    [Fact]
    public async Task BlockedXRead_IsNotAnsweredByADelete_AndThenServedByALaterAdd()
    {
        var key = StreamKeys.New("deleted-while-blocked");
        await fixture.AssertSameAsync("XADD", key, "1-0", "f", "v");
        await using var reader = await fixture.ConnectPairAsync();
        await reader.Redis.SendAsync("XREAD", "BLOCK", "0", "STREAMS", key, "$");
        await reader.Silo.SendAsync("XREAD", "BLOCK", "0", "STREAMS", key, "$");
        await WaitUntilBlockedAsync(fixture.Redis, 1);
        await WaitUntilBlockedAsync(fixture.Silo, 1);

        await fixture.AssertSameAsync("DEL", key);
        await fixture.AssertSameAsync("XADD", key, "0-1", "below", "the-old-last-id");
        await fixture.AssertSameAsync("XADD", key, "5-0", "after", "it");

        Assert.Equal(await reader.Redis.ReadReplyAsync(), await reader.Silo.ReadReplyAsync());
    }

    [Fact]
    public async Task BlockedXRead_TimesOut_WithANullArray()
    {
        var key = StreamKeys.New("timeout");
        await using var reader = await fixture.ConnectPairAsync();
        await reader.AssertSameAsync("XREAD", "BLOCK", "50", "STREAMS", key, "$");
        await using var resp3 = await fixture.ConnectPairAsync(protocol: 3);
        await resp3.AssertSameAsync("XREAD", "BLOCK", "50", "STREAMS", key, "0");
    }

    private static async Task WaitUntilBlockedAsync(RawRespClient client, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (true)
        {
            var info = await client.ExecuteAsync("INFO", "clients");
            if (info.Contains($"blocked_clients:{count}\r\n")) return;
            Assert.False(timeout.IsCancellationRequested, $"blocked_clients never reached {count}: {info}");
            await Task.Yield();
        }
    }
}
