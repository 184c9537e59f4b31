using System.Text;
using OrleansStreams.Strings;

namespace OrleansStreams.PlainKeys.Tests.Numbers;

/// <summary>Redis's string2ll: what INCR accepts as a stored integer and INCRBY as an argument.</summary>
public sealed class RedisIntegerTests
{
    [Theory]
    [InlineData("0", 0)]
    [InlineData("7", 7)]
    [InlineData("-7", -7)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void TryParse_OfCanonicalIntegers_Succeeds(string text, long expected)
    {
        Assert.True(RedisInteger.TryParse(Encoding.ASCII.GetBytes(text), out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("-0")]
    [InlineData("+1")]
    [InlineData("01")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("1.0")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("99999999999999999999")]
    [InlineData("000000000000000000001")]
    public void TryParse_OfNonCanonicalOrOutOfRangeText_Fails(string text)
    {
        Assert.False(RedisInteger.TryParse(Encoding.ASCII.GetBytes(text), out _));
    }
}
