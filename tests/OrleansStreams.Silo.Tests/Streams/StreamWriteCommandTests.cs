using OrleansStreams.Silo.Tests.Infrastructure;

namespace OrleansStreams.Silo.Tests.Streams;

/// <summary>XDEL, XTRIM and XSETID against redis-server.</summary>
[Collection("differential")]
public sealed class StreamWriteCommandTests(DifferentialFixture fixture)
{
    private async Task<string> FilledAsync(string name, int count)
    {
        var key = StreamKeys.New(name);
        var script = new List<string[]>();
        for (var i = 1; i <= count; i++) script.Add(["XADD", key, $"{i}-0", "n", i.ToString()]);
        await fixture.AssertSameScriptAsync(script);
        return key;
    }

    [Fact]
    public async Task XDel_RemovesLiveEntries_AndCountsThem()
    {
        var key = await FilledAsync("xdel", 5);
        await fixture.AssertSameScriptAsync(
        [
            ["XDEL", key, "2-0", "2-0", "4", "9-0"],
            ["XDEL", key, "2-0"],
            ["XRANGE", key, "-", "+"],
            ["XDEL", key, "1-0", "3-0", "5-0"],
            ["XLEN", key],
            ["EXISTS", key],
            ["XADD", key, "5-0", "f", "v"],
            ["XADD", key, "5-1", "f", "v"],
        ]);
    }

    [Fact]
    public async Task XDel_ChecksTheKeyBeforeTheIds()
    {
        var key = StreamKeys.New("xdel-order");
        var other = StreamKeys.New("xdel-string");
        await fixture.AssertSameScriptAsync(
        [
            ["XDEL", key, "not-an-id"],
            ["SET", other, "x"],
            ["XDEL", other, "not-an-id"],
            ["XADD", key, "1-0", "f", "v"],
            ["XDEL", key, "1-0", "not-an-id"],
            ["XDEL", key, "-"],
            ["XLEN", key],
        ]);
    }

    [Theory]
    [InlineData("MAXLEN")]
    [InlineData("MAXLEN", "1", "2")]
    [InlineData("LIMIT", "2", "MAXLEN", "1")]
    [InlineData("foo", "1")]
    [InlineData("LIMIT", "0", "MAXLEN", "100")]
    [InlineData("LIMIT", "1", "1", "1")]
    [InlineData("LIMIT", "5", "LIMIT", "6")]
    [InlineData("MAXLEN", "~")]
    [InlineData("MAXLEN", "~", "1", "LIMIT")]
    [InlineData("MAXLEN", "x")]
    [InlineData("MAXLEN", "-3")]
    [InlineData("MINID", "bad")]
    [InlineData("MINID", "+")]
    [InlineData("MINID", "5", "MAXLEN", "5")]
    [InlineData("MAXLEN", "=", "5", "LIMIT", "1")]
    [InlineData("MAXLEN", "~", "5", "LIMIT", "-1")]
    [InlineData("NOMKSTREAM", "MAXLEN", "1")]
    public async Task XTrim_WithBadArguments_RepliesAsRedis_EvenForAMissingKey(params string[] options)
    {
        var key = await FilledAsync("xtrim-bad", 3);
        await fixture.AssertSameAsync(["XTRIM", key, .. options]);
        await fixture.AssertSameAsync(["XTRIM", key + ":missing", .. options]);
    }

    [Fact]
    public async Task XTrim_RemovesByLengthOrId_ExactlyOrByWholeNodes()
    {
        var key = await FilledAsync("xtrim", 1000);
        await fixture.AssertSameScriptAsync(
        [
            ["XTRIM", key, "MAXLEN", "~", "950"],
            ["XTRIM", key, "MAXLEN", "~", "899"],
            ["XLEN", key],
            ["XTRIM", key, "MAXLEN", "555"],
            ["XLEN", key],
            ["XTRIM", key, "MAXLEN", "~", "444"],
            ["XLEN", key],
            ["XTRIM", key, "MINID", "~", "650"],
            ["XTRIM", key, "MINID", "650-0"],
            ["XRANGE", key, "-", "+", "COUNT", "1"],
            ["XTRIM", key, "MAXLEN", "~", "0", "LIMIT", "99"],
            ["XTRIM", key, "MAXLEN", "~", "0", "LIMIT", "100"],
            ["XTRIM", key, "MAXLEN", "=", "10"],
            ["XTRIM", key, "MINID", "=", "995"],
            ["XRANGE", key, "-", "+"],
            ["XTRIM", key, "MAXLEN", "0"],
            ["XLEN", key],
            ["EXISTS", key],
            ["XTRIM", key + ":missing", "MAXLEN", "0"],
        ]);
    }

    [Fact]
    public async Task XTrim_OnAKeyOfAnotherType_ReturnsWrongType()
    {
        var key = StreamKeys.New("xtrim-type");
        await fixture.AssertSameScriptAsync(
        [
            ["SET", key, "x"],
            ["XTRIM", key, "MAXLEN", "1"],
            ["XTRIM", key, "MAXLEN", "x"],
        ]);
    }

    [Fact]
    public async Task XSetId_ParsesOptionsThenChecksTheStream()
    {
        var key = await FilledAsync("xsetid", 3);
        var missing = StreamKeys.New("xsetid-missing");
        var other = StreamKeys.New("xsetid-string");
        await fixture.AssertSameScriptAsync(
        [
            ["XSETID", key, "bad"],
            ["XSETID", key, "+"],
            ["XSETID", key, "5-0", "ENTRIESADDED", "-1"],
            ["XSETID", key, "5-0", "ENTRIESADDED", "x"],
            ["XSETID", key, "5-0", "MAXDELETEDID", "6-0"],
            ["XSETID", key, "5-0", "MAXDELETEDID", "bad"],
            ["XSETID", key, "5-0", "FOO"],
            ["XSETID", key, "5-0", "ENTRIESADDED"],
            ["XSETID", key, "5-0", "7"],
            ["XSETID", missing, "5-0"],
            ["XSETID", missing, "5-0", "ENTRIESADDED", "-1"],
            ["SET", other, "x"],
            ["XSETID", other, "5-0"],
            ["XSETID", key, "2-5"],
            ["XSETID", key, "3"],
            ["XSETID", key, "9-0", "ENTRIESADDED", "2"],
            ["XSETID", key, "9-0", "ENTRIESADDED", "3", "MAXDELETEDID", "8-0"],
            ["XADD", key, "9-0", "f", "v"],
            ["XADD", key, "9-*", "f", "v"],
            ["XLEN", key],
        ]);
    }

    [Fact]
    public async Task XSetId_OnAnEmptiedStream_MayMoveTheLastIdBack()
    {
        var key = await FilledAsync("xsetid-empty", 3);
        await fixture.AssertSameScriptAsync(
        [
            ["XTRIM", key, "MAXLEN", "0"],
            ["XSETID", key, "0-0"],
            ["XADD", key, "0-*", "f", "v"],
            ["XRANGE", key, "-", "+"],
        ]);
    }
}
