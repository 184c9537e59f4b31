namespace OrleansStreams.ConsumerGroups.Tests;

public sealed class ConsumerGroupKeyTests
{
    [Theory]
    [InlineData("s", "g")]
    [InlineData("12:ab", "3:c")]
    [InlineData("", "group")]
    [InlineData("stream", "")]
    [InlineData("a\0b\u00ff", ":\r\n")]
    public void Key_SplitsBackIntoStreamAndGroup(string stream, string group)
    {
        Assert.True(ConsumerGroupKey.TryParse(ConsumerGroupKey.Create(stream, group), out var parsedStream, out var parsedGroup));

        Assert.Equal((stream, group), (parsedStream, parsedGroup));
    }

    [Theory]
    [InlineData("nocolon")]
    [InlineData("x:abc")]
    [InlineData("9:short")]
    [InlineData("-1:abc")]
    public void Key_NotMadeByCreate_DoesNotParse(string key)
    {
        Assert.False(ConsumerGroupKey.TryParse(key, out _, out _));
    }
}
