using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>XRANGE, XREVRANGE and XLEN against redis-server.</summary>
[Collection("differential")]
public sealed class XRangeCommandTests(DifferentialFixture fixture)
{
    private async Task<string> FilledAsync(string name, int count = 250)
    {
        var key = StreamKeys.New(name);
        var script = new List<string[]>();
        for (var i = 1; i <= count; i++) script.Add(["XADD", key, $"{i}-{i % 3}", "n", i.ToString(), "half", (i / 2).ToString()]);
        await fixture.AssertSameScriptAsync(script);
        return key;
    }

    [Theory]
    [InlineData("-", "+")]
    [InlineData("10", "12")]
    [InlineData("10-1", "12-0")]
    [InlineData("(10-1", "(12-0")]
    [InlineData("(10", "12")]
    [InlineData("99", "101-99")]
    [InlineData("200", "+")]
    [InlineData("-", "3")]
    [InlineData("12", "10")]
    [InlineData("251", "+")]
    [InlineData(" 10", "+11")]
    [InlineData("(18446744073709551615-18446744073709551615", "+")]
    [InlineData("-", "(0-0")]
    [InlineData("-", "(0")]
    [InlineData("(-", "+")]
    [InlineData("-", "(+")]
    [InlineData("(", "+")]
    [InlineData("x", "+")]
    [InlineData("-", "1-2-3")]
    public async Task XRange_WithBounds_RepliesAsRedis(string start, string end)
    {
        var key = await FilledAsync("bounds");
        await fixture.AssertSameAsync("XRANGE", key, start, end);
        await fixture.AssertSameAsync("XREVRANGE", key, end, start);
    }

    [Theory]
    [InlineData("COUNT", "3")]
    [InlineData("COUNT", "1")]
    [InlineData("COUNT", "0")]
    [InlineData("COUNT", "-5")]
    [InlineData("count", "1000")]
    [InlineData("COUNT", "x")]
    [InlineData("COUNT")]
    [InlineData("LIMIT", "3")]
    [InlineData("COUNT", "2", "COUNT", "4")]
    [InlineData("COUNT", "2", "extra")]
    public async Task XRange_WithOptions_RepliesAsRedis(params string[] options)
    {
        var key = await FilledAsync("count");
        await fixture.AssertSameAsync(["XRANGE", key, "-", "+", .. options]);
        await fixture.AssertSameAsync(["XREVRANGE", key, "+", "-", .. options]);
        await fixture.AssertSameAsync(["XRANGE", key + ":missing", "-", "+", .. options]);
    }

    [Fact]
    public async Task XRange_SkipsDeletedAndTrimmedEntries()
    {
        var key = await FilledAsync("deleted", 30);
        await fixture.AssertSameScriptAsync(
        [
            ["XDEL", key, "2-2", "5-2", "6-0", "30-0"],
            ["XTRIM", key, "MAXLEN", "20"],
            ["XRANGE", key, "-", "+"],
            ["XREVRANGE", key, "+", "-", "COUNT", "4"],
            ["XRANGE", key, "(10-1", "+", "COUNT", "2"],
            ["XLEN", key],
        ]);
    }

    [Fact]
    public async Task RangeCommands_OnAKeyOfAnotherType_ParseFirstThenReturnWrongType()
    {
        var key = StreamKeys.New("wrongtype");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "x"],
            ["XRANGE", key, "-", "+"],
            ["XREVRANGE", key, "+", "-", "COUNT", "0"],
            ["XRANGE", key, "bad", "+"],
            ["XRANGE", key, "-", "+", "COUNT", "x"],
            ["XLEN", key],
        ]);
    }

    [Fact]
    public async Task XLen_CountsLiveEntries()
    {
        var key = StreamKeys.New("xlen");
        await fixture.AssertSameScriptAsync(
        [
            ["XLEN", key],
            ["XADD", key, "1-1", "f", "v"],
            ["XADD", key, "1-2", "f", "v"],
            ["XLEN", key],
            ["XDEL", key, "1-1"],
            ["XLEN", key],
            ["XDEL", key, "1-2"],
            ["XLEN", key],
            ["EXISTS", key],
        ]);
    }

    [Fact]
    public async Task XRange_InResp3_HasTheSameShapes()
    {
        var key = await FilledAsync("resp3", 5);
        await using var pair = await fixture.ConnectPairAsync(protocol: 3);
        await pair.AssertSameAsync("XRANGE", key, "-", "+", "COUNT", "2");
        await pair.AssertSameAsync("XREVRANGE", key, "+", "-", "COUNT", "0");
        await pair.AssertSameAsync("XRANGE", key + ":missing", "-", "+", "COUNT", "0");
    }
}
