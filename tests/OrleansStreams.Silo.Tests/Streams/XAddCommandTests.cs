using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>XADD against redis-server, with explicit IDs so both servers reply alike.</summary>
[Collection("differential")]
public sealed class XAddCommandTests(DifferentialFixture fixture)
{
    [Fact]
    public async Task XAdd_WithExplicitIds_RepliesWithTheIdAndStoresTheFields()
    {
        var key = StreamKeys.New("xadd");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-1", "f", "v"],
            ["XADD", key, "1-2", "a", "1", "b", "2", "a", "dup"],
            ["XADD", key, "2", "empty", ""],
            ["XADD", key, "3-*", "x", "y"],
            ["XADD", key, "3-*", "x", "z"],
            ["XADD", key, "+7", "quirk", "plus"],
            ["XADD", key, " 8- 9", "quirk", "blanks"],
            ["XADD", key, "9-18446744073709551615", "top", "seq"],
            ["XRANGE", key, "-", "+"],
            ["XLEN", key],
        ]);
    }

    [Fact]
    public async Task XAdd_WithIdAtOrBelowTheTop_ReturnsError()
    {
        var key = StreamKeys.New("below");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "5-5", "f", "v"],
            ["XADD", key, "5-5", "f", "v"],
            ["XADD", key, "5-4", "f", "v"],
            ["XADD", key, "4-*", "f", "v"],
            ["XADD", key, "5", "f", "v"],
            ["XADD", key, "5-6", "f", "v"],
        ]);
    }

    [Theory]
    [InlineData("0-0")]
    [InlineData("0")]
    [InlineData("00-0")]
    public async Task XAdd_WithZeroId_ReturnsErrorAndCreatesNothing(string id)
    {
        var key = StreamKeys.New("zero");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, id, "f", "v"],
            ["EXISTS", key],
            ["XADD", key, "0-*", "f", "v"],
        ]);
    }

    [Theory]
    [InlineData("bogus")]
    [InlineData("1-2-3")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("1--1")]
    [InlineData("18446744073709551616-0")]
    [InlineData("(5")]
    public async Task XAdd_WithInvalidId_ReturnsError(string id)
    {
        var key = StreamKeys.New("invalid");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, id, "f", "v"],
            ["EXISTS", key],
        ]);
    }

    [Theory]
    [InlineData("LIMIT", "0", "1-1", "f", "v")]
    [InlineData("LIMIT", "5", "1-1", "f", "v")]
    [InlineData("LIMIT", "-1", "1-1", "f", "v")]
    [InlineData("LIMIT", "x", "1-1", "f", "v")]
    [InlineData("MAXLEN", "5", "LIMIT", "5", "1-1", "f", "v")]
    [InlineData("MAXLEN", "=", "5", "LIMIT", "5", "1-1", "f", "v")]
    [InlineData("MAXLEN", "5", "MINID", "3", "1-1", "f", "v")]
    [InlineData("MAXLEN", "5", "MAXLEN", "5", "1-1", "f", "v")]
    [InlineData("MAXLEN", "-1", "1-1", "f", "v")]
    [InlineData("MAXLEN", "x", "1-1", "f", "v")]
    [InlineData("MAXLEN", "~", "1-1", "f", "v")]
    [InlineData("MINID", "x", "1-1", "f", "v")]
    [InlineData("MINID", "-", "1-1", "f", "v")]
    [InlineData("NOMKSTREAM", "MAXLEN", "1", "*", "f")]
    [InlineData("*", "f", "v", "g")]
    [InlineData("1-1", "f")]
    [InlineData("MAXLEN", "1", "MAXLEN")]
    [InlineData("maxlen", "1", "nomkstream", "limit")]
    public async Task XAdd_WithBadOptions_RepliesAsRedis(params string[] rest)
    {
        var key = StreamKeys.New("options");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, .. rest],
            ["EXISTS", key],
        ]);
    }

    [Fact]
    public async Task XAdd_OnAKeyOfAnotherType_ReturnsWrongType_ButZeroIdWins()
    {
        var key = StreamKeys.New("wrongtype");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "x"],
            ["XADD", key, "1-1", "f", "v"],
            ["XADD", key, "*", "f", "v"],
            ["XADD", key, "NOMKSTREAM", "*", "f", "v"],
            ["XADD", key, "0-0", "f", "v"],
            ["XADD", key, "bad", "f", "v"],
            ["GET", key],
        ]);
    }

    [Fact]
    public async Task XAdd_WithNoMakeStream_OnlyAppendsToAnExistingStream()
    {
        var key = StreamKeys.New("nomkstream");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "NOMKSTREAM", "1-1", "f", "v"],
            ["EXISTS", key],
            ["XADD", key, "1-1", "f", "v"],
            ["XADD", key, "nomkstream", "2-1", "f", "v"],
            ["XLEN", key],
        ]);
    }

    [Fact]
    public async Task XAdd_WithNoMakeStream_InResp3_RepliesNull()
    {
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("XADD", StreamKeys.New("resp3"), "NOMKSTREAM", "*", "f", "v");
    }

    [Fact]
    public async Task XAdd_WithMaxLen_TrimsExactlyOrByWholeNodes()
    {
        var key = StreamKeys.New("maxlen");
        var script = new List<string[]>();
        for (var i = 1; i <= 1000; i++) script.Add(["XADD", key, "MAXLEN", "~", "555", $"{i}-0", "xitem", i.ToString()]);
        script.Add(["XLEN", key]);
        script.Add(["XRANGE", key, "-", "+", "COUNT", "3"]);
        script.Add(["XADD", key, "MAXLEN", "=", "555", "1001-0", "xitem", "last"]);
        script.Add(["XLEN", key]);
        script.Add(["XRANGE", key, "-", "+", "COUNT", "2"]);
        script.Add(["XADD", key, "maxlen", "~", "100", "LIMIT", "150", "1002-0", "f", "v"]);
        script.Add(["XLEN", key]);
        script.Add(["XADD", key, "MAXLEN", "0", "1003-0", "f", "v"]);
        script.Add(["XLEN", key]);
        script.Add(["XRANGE", key, "-", "+"]);
        await fixture.AssertSameScriptAsync(script);
    }

    [Fact]
    public async Task XAdd_WithMinId_TrimsOlderEntries()
    {
        var key = StreamKeys.New("minid");
        var script = new List<string[]>();
        for (var i = 1; i <= 300; i++) script.Add(["XADD", key, $"{i}-0", "f", "v"]);
        script.Add(["XADD", key, "MINID", "~", "150", "301-0", "f", "v"]);
        script.Add(["XLEN", key]);
        script.Add(["XADD", key, "MINID", "150-0", "302-0", "f", "v"]);
        script.Add(["XLEN", key]);
        script.Add(["XRANGE", key, "-", "+", "COUNT", "1"]);
        script.Add(["XADD", key, "MINID", "=", "1000", "303-0", "f", "v"]);
        script.Add(["XLEN", key]);
        script.Add(["XRANGE", key, "-", "+"]);
        await fixture.AssertSameScriptAsync(script);
    }

    [Fact]
    public async Task XAdd_WithAutoId_RepliesWithIncreasingIdsNearTheClock()
    {
        var key = StreamKeys.New("auto");
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var ids = new List<(ulong Ms, ulong Seq)>();
        for (var i = 0; i < 20; i++)
        {
            var reply = await fixture.Silo.ExecuteAsync("XADD", key, "*", "n", i.ToString());
            var redisReply = await fixture.Redis.ExecuteAsync("XADD", key, "*", "n", i.ToString());
            Assert.Matches(@"^\$\d+\r\n\d+-\d+\r\n$", reply);
            Assert.Matches(@"^\$\d+\r\n\d+-\d+\r\n$", redisReply);
            var text = reply.Split("\r\n")[1].Split('-');
            ids.Add((ulong.Parse(text[0]), ulong.Parse(text[1])));
        }
        var after = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (var i = 1; i < ids.Count; i++) Assert.True(ids[i].CompareTo(ids[i - 1]) > 0, $"{ids[i]} after {ids[i - 1]}");
        Assert.InRange((long)ids[0].Ms, before - 1000, after + 1000);
        await fixture.AssertSameAsync("XLEN", key);
    }

    [Fact]
    public async Task XAdd_WithAutoIdAfterAFutureExplicitId_KeepsIncreasingTheSequence()
    {
        var key = StreamKeys.New("future");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "99999999999999-5", "f", "v"],
            ["XADD", key, "*", "f", "v"],
            ["XADD", key, "*", "f", "v"],
            ["XADD", key, "18446744073709551615-18446744073709551615", "f", "v"],
            ["XADD", key, "*", "f", "v"],
            ["XADD", key, "18446744073709551615-*", "f", "v"],
        ]);
    }
}
