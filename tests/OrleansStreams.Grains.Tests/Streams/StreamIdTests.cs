using System.Text;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Tests.Streams;

public sealed class StreamIdTests
{
    // Each accepted form and its ID as redis-server 7.0.15 replied to `XADD k <text> f v` on an empty stream.
    [Theory]
    [InlineData("1-2", 1UL, 2UL)]
    [InlineData("+7", 7UL, 0UL)]
    [InlineData(" 7", 7UL, 0UL)]
    [InlineData("8- 1", 8UL, 1UL)]
    [InlineData("1-+5", 1UL, 5UL)]
    [InlineData("1- -1", 1UL, ulong.MaxValue)]
    [InlineData("1--0", 1UL, 0UL)]
    [InlineData("1--18446744073709551615", 1UL, 1UL)]
    [InlineData("01-02", 1UL, 2UL)]
    [InlineData("000000000000000000000000001-1", 1UL, 1UL)]
    [InlineData("18446744073709551615-18446744073709551615", ulong.MaxValue, ulong.MaxValue)]
    public void ParseStrict_AcceptsWhatRedisAccepts(string text, ulong ms, ulong seq)
    {
        Assert.True(StreamIdParser.TryParseStrict(Bytes(text), 0, out var id));
        Assert.Equal(new StreamId(ms, seq), id);
    }

    // Each rejected by redis-server 7.0.15 in `XDEL k <text>` (a strict parse) with "Invalid stream ID specified as stream command argument".
    [Theory]
    [InlineData("1--1")]
    [InlineData("1-2-3")]
    [InlineData("0x9")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("+")]
    [InlineData("(")]
    [InlineData("1-")]
    [InlineData("-1")]
    [InlineData("7 ")]
    [InlineData("1-5 ")]
    [InlineData("18446744073709551616")]
    [InlineData("1-*")]
    public void ParseStrict_RejectsWhatRedisRejects(string text)
    {
        Assert.False(StreamIdParser.TryParseStrict(Bytes(text), 0, out _));
    }

    [Fact]
    public void ParseStrict_WithOnlyMilliseconds_FillsTheSequenceFromContext()
    {
        Assert.True(StreamIdParser.TryParseStrict("5"u8, 0, out var lower));
        Assert.True(StreamIdParser.TryParseStrict("5"u8, ulong.MaxValue, out var upper));
        Assert.Equal(new StreamId(5, 0), lower);
        Assert.Equal(new StreamId(5, ulong.MaxValue), upper);
    }

    [Fact]
    public void Parse_LongerThan127Bytes_IsInvalid()
    {
        var valid = new string('0', 126) + "1";
        Assert.True(StreamIdParser.TryParseStrict(Bytes(valid), 0, out var id));
        Assert.Equal(new StreamId(1, 0), id);
        Assert.False(StreamIdParser.TryParseStrict(Bytes("0" + valid), 0, out _));
    }

    [Fact]
    public void Parse_StopsAtTheFirstNulByte_AsRedisCopiesIntoACString()
    {
        Assert.True(StreamIdParser.TryParseStrict("5-6\0junk"u8, 0, out var id));
        Assert.Equal(new StreamId(5, 6), id);
    }

    [Fact]
    public void ParseNonStrict_AcceptsMinusAndPlusAsTheExtremes()
    {
        Assert.True(StreamIdParser.TryParse("-"u8, 0, out var min));
        Assert.True(StreamIdParser.TryParse("+"u8, 0, out var max));
        Assert.Equal(StreamId.Zero, min);
        Assert.Equal(StreamId.Max, max);
    }

    [Fact]
    public void ParseInterval_WithParenthesis_IsExclusiveAndStrict()
    {
        Assert.True(StreamIdParser.TryParseInterval("(5-1"u8, 0, out var id, out var exclusive));
        Assert.True(exclusive);
        Assert.Equal(new StreamId(5, 1), id);
        Assert.False(StreamIdParser.TryParseInterval("(-"u8, 0, out _, out _));
        Assert.False(StreamIdParser.TryParseInterval("(+"u8, 0, out _, out _));
        Assert.False(StreamIdParser.TryParseInterval("("u8, 0, out _, out exclusive));
        Assert.False(exclusive);
    }

    [Fact]
    public void ParseForAdd_WithStarSequence_ReportsTheSequenceAsNotGiven()
    {
        Assert.True(StreamIdParser.TryParseForAdd("7-*"u8, out var id, out var seqGiven));
        Assert.Equal(new StreamId(7, 0), id);
        Assert.False(seqGiven);
        Assert.True(StreamIdParser.TryParseForAdd("7"u8, out _, out seqGiven));
        Assert.True(seqGiven);
        Assert.False(StreamIdParser.TryParseForAdd("*-1"u8, out _, out _));
        Assert.False(StreamIdParser.TryParseForAdd("7-**"u8, out _, out _));
    }

    [Fact]
    public void CompareTo_OrdersByMillisecondsThenSequence_Unsigned()
    {
        Assert.True(new StreamId(1, ulong.MaxValue) < new StreamId(2, 0));
        Assert.True(new StreamId(ulong.MaxValue, 0) > new StreamId(1, 1));
        Assert.True(new StreamId(3, 4) == new StreamId(3, 4));
        Assert.Equal(0, new StreamId(3, 4).CompareTo(new StreamId(3, 4)));
    }

    [Fact]
    public void TryIncrement_CarriesIntoMilliseconds_AndFailsAtTheMaximum()
    {
        Assert.True(new StreamId(1, ulong.MaxValue).TryIncrement(out var next));
        Assert.Equal(new StreamId(2, 0), next);
        Assert.False(StreamId.Max.TryIncrement(out _));
    }

    [Fact]
    public void TryDecrement_BorrowsFromMilliseconds_AndFailsAtZero()
    {
        Assert.True(new StreamId(2, 0).TryDecrement(out var previous));
        Assert.Equal(new StreamId(1, ulong.MaxValue), previous);
        Assert.False(StreamId.Zero.TryDecrement(out _));
    }

    [Fact]
    public void TryFormat_WritesDecimalPairs_IntoASpan()
    {
        Span<byte> buffer = stackalloc byte[StreamId.MaxFormattedLength];
        Assert.True(StreamId.Max.TryFormat(buffer, out var written));
        Assert.Equal("18446744073709551615-18446744073709551615", Encoding.ASCII.GetString(buffer[..written]));
        Assert.True(new StreamId(0, 1).TryFormat(buffer, out written));
        Assert.Equal("0-1", Encoding.ASCII.GetString(buffer[..written]));
        Assert.False(new StreamId(123, 4).TryFormat(buffer[..4], out _));
    }

    [Fact]
    public void TryFormat_DoesNotAllocate()
    {
        var id = new StreamId(1700000000000, 42);
        Span<byte> buffer = stackalloc byte[StreamId.MaxFormattedLength];
        id.TryFormat(buffer, out _);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++) id.TryFormat(buffer, out _);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    private static byte[] Bytes(string text) => Encoding.Latin1.GetBytes(text);
}
