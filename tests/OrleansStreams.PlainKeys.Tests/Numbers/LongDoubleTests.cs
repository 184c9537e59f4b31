using System.Text;
using OrleansStreams.Strings;

namespace OrleansStreams.PlainKeys.Tests.Numbers;

/// <summary>
/// INCRBYFLOAT arithmetic and text. Expected values are what redis-server 7.0.15 (x86-64, 80-bit long double)
/// replied to SET k initial + INCRBYFLOAT k increment.
/// </summary>
public sealed class LongDoubleTests
{
    [Theory]
    [InlineData("10.5", "0.1", "10.6")]
    [InlineData("3.0e3", "0", "3000")]
    [InlineData("0", "1e20", "100000000000000000000")]
    [InlineData("0", "1.5e-20", "0")]
    [InlineData("0", "-1e-20", "0")]
    [InlineData("0", "0.000003814697265625", "0.00000381469726562")]
    [InlineData("0", "0x1p3", "8")]
    [InlineData("0", "5.", "5")]
    [InlineData("0", ".5e1", "5")]
    [InlineData("0", "3.6e-4951", "0")]
    [InlineData("0", "1.23456789012345678901234", "1.23456789012345679")]
    [InlineData("0.1", "0.2", "0.3")]
    public void Add_ThenFormat_MatchesRedis(string initial, string increment, string expected)
    {
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(initial), out var value));
        Assert.True(LongDouble.TryParse(Encoding.ASCII.GetBytes(increment), out var delta));
        Assert.True(LongDouble.TryAdd(value, delta, out var sum));
        Assert.Equal(expected, Encoding.ASCII.GetString(sum.ToRedisText()));
    }

    [Theory]
    [InlineData("1e5000")]
    [InlineData("1e-5000")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1e")]
    [InlineData("0x")]
    [InlineData("nan")]
    [InlineData("abc")]
    [InlineData("1\u00002")]
    public void TryParse_OfWhatRedisRejects_Fails(string text)
    {
        Assert.False(LongDouble.TryParse(Encoding.Latin1.GetBytes(text), out _));
    }

    [Fact]
    public void TryAdd_WithAnInfiniteOperand_Fails()
    {
        Assert.True(LongDouble.TryParse("inf"u8, out var infinity));
        Assert.True(infinity.IsInfinity);
        Assert.False(LongDouble.TryAdd(infinity, LongDouble.FromInteger(1), out _));
    }

    [Fact]
    public void TryAdd_BeyondTheLargestLongDouble_Fails()
    {
        Assert.True(LongDouble.TryParse("1.1e4932"u8, out var large));
        Assert.False(LongDouble.TryAdd(large, large, out _));
    }

    [Fact]
    public void ToRedisText_OfTheLargestValues_WritesEveryIntegerDigit()
    {
        Assert.True(LongDouble.TryParse("1.1e4932"u8, out var large));
        var text = Encoding.ASCII.GetString(large.ToRedisText());
        // Redis replied with these leading digits and 4933 digits in all.
        Assert.StartsWith("10999999999999999999743731075282418176590308692790434077349880018170241", text);
        Assert.Equal(4933, text.Length);
    }

    [Fact]
    public void FromInteger_OfTheSmallestLong_IsExact()
    {
        Assert.Equal("-9223372036854775808", Encoding.ASCII.GetString(LongDouble.FromInteger(long.MinValue).ToRedisText()));
    }
}
