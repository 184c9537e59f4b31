using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>XREAD without blocking (and BLOCK inside MULTI) against redis-server.</summary>
[Collection("differential")]
public sealed class XReadCommandTests(DifferentialFixture fixture)
{
    private async Task<(string A, string B)> TwoStreamsAsync(string name)
    {
        var a = StreamKeys.New(name + "-a");
        var b = StreamKeys.New(name + "-b");
        var script = new List<string[]>();
        for (var i = 1; i <= 5; i++)
        {
            script.Add(["XADD", a, $"{i}-0", "a", i.ToString()]);
            script.Add(["XADD", b, $"{i}-1", "b", i.ToString()]);
        }
        await fixture.AssertSameScriptAsync(script);
        return (a, b);
    }

    [Fact]
    public async Task XRead_ReturnsEntriesAfterEachId_PerKeyInOrder()
    {
        var (a, b) = await TwoStreamsAsync("xread");
        var missing = StreamKeys.New("xread-missing");
        await fixture.AssertSameScriptAsync(
        [
            ["XREAD", "STREAMS", a, "0"],
            ["XREAD", "COUNT", "2", "STREAMS", a, b, "0-0", "3"],
            ["XREAD", "count", "-1", "STREAMS", a, b, "4-0", "(5"],
            ["XREAD", "STREAMS", a, b, "5", "4-1"],
            ["XREAD", "STREAMS", a, b, "$", "$"],
            ["XREAD", "STREAMS", missing, "0-0"],
            ["XREAD", "STREAMS", missing, a, "$", "4"],
            ["XREAD", "STREAMS", a, a, "3", "4"],
            ["XREAD", "COUNT", "1", "COUNT", "2", "STREAMS", a, "0"],
        ]);
    }

    [Fact]
    public async Task XRead_InResp3_RepliesWithAMap()
    {
        var (a, b) = await TwoStreamsAsync("xread3");
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("XREAD", "COUNT", "1", "STREAMS", a, b, "0", "0");
        await pair.AssertSameAsync("XREAD", "STREAMS", a, a, "4", "3");
        await pair.AssertSameAsync("XREAD", "STREAMS", a, "$");
    }

    [Fact]
    public async Task XRead_SkipsDeletedEntries_AndServesOnlyWhenALiveEntryIsNewer()
    {
        var (a, _) = await TwoStreamsAsync("xread-deleted");
        await fixture.AssertSameScriptAsync(
        [
            ["XDEL", a, "5-0", "3-0"],
            ["XREAD", "STREAMS", a, "2"],
            ["XREAD", "STREAMS", a, "4"],
            ["XADD", a, "6-0", "a", "6"],
            ["XREAD", "STREAMS", a, "4"],
        ]);
    }

    [Theory]
    [InlineData("STREAMS")]
    [InlineData("BLOCK", "x", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("BLOCK", "-1", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("COUNT", "x", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("COUNT", "1", "stream:bad-args:nokey", "0")]
    [InlineData("GROUP", "g", "c", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("GROUP", "g", "STREAMS", "stream:bad-args:nokey")]
    [InlineData("NOACK", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("FOO", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("STREAMS", "stream:bad-args:nokey", ">")]
    [InlineData("STREAMS", "stream:bad-args:nokey", "bad")]
    [InlineData("STREAMS", "stream:bad-args:nokey", "-")]
    [InlineData("STREAMS", "stream:bad-args:nokey", "(1")]
    [InlineData("BLOCK", "STREAMS", "stream:bad-args:nokey", "0")]
    [InlineData("COUNT", "1", "BLOCK")]
    public async Task XRead_WithBadArguments_RepliesAsRedis(params string[] rest)
    {
        await fixture.AssertSameAsync(["XREAD", .. rest]);
    }

    [Fact]
    public async Task XRead_ReportsWrongTypeForTheFirstOffendingKey()
    {
        var (a, _) = await TwoStreamsAsync("xread-type");
        var other = StreamKeys.New("xread-string");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", other, "x"],
            ["XREAD", "STREAMS", a, other, "0", "0"],
            ["XREAD", "STREAMS", other, a, "bad", "0"],
            ["XREAD", "STREAMS", a, other, "bad", "0"],
            ["XREAD", "BLOCK", "10", "STREAMS", other, "$"],
        ]);
    }

    [Fact]
    public async Task XRead_WithBlockInsideMulti_AnswersAtOnce()
    {
        var (a, _) = await TwoStreamsAsync("xread-multi");
        await using var pair = await fixture.ConnectPairAsync();
        await pair.AssertSameAsync("MULTI");
        await pair.AssertSameAsync("XREAD", "BLOCK", "0", "STREAMS", a, "$");
        await pair.AssertSameAsync("XREAD", "BLOCK", "0", "STREAMS", a, "4");
        await pair.AssertSameAsync("EXEC");
    }

    [Fact]
    public async Task XRead_WithBlock_WhenDataIsThere_AnswersAtOnce()
    {
        var (a, b) = await TwoStreamsAsync("xread-ready");
        await fixture.AssertSameAsync("XREAD", "BLOCK", "0", "COUNT", "2", "STREAMS", a, b, "3", "$");
    }
}
