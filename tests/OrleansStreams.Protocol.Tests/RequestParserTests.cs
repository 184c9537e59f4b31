using System.Buffers;
using System.Text;

namespace OrleansStreams.Protocol.Tests;

public sealed class RequestParserTests
{
    private static readonly ProtocolLimits Limits = ProtocolLimits.Default;

    private static (ParseStatus Status, string[] Args, string? Error, long Consumed) Parse(ReadOnlySequence<byte> input, bool authenticated = true, ProtocolLimits? limits = null)
    {
        var args = new CommandArguments();
        var buffer = input;
        var status = RequestParser.TryParse(ref buffer, args, limits ?? Limits, authenticated, out var error);
        var values = Enumerable.Range(0, args.Count).Select(args.Text).ToArray();
        return (status, values, error, input.Length - buffer.Length);
    }

    private static (ParseStatus Status, string[] Args, string? Error, long Consumed) Parse(string input, bool authenticated = true, ProtocolLimits? limits = null)
        => Parse(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(input)), authenticated, limits);

    [Theory]
    [InlineData("*3\r\n$4\r\nXADD\r\n$1\r\ns\r\n$1\r\n*\r\n", new[] { "XADD", "s", "*" })]
    [InlineData("*1\r\n$0\r\n\r\n", new[] { "" })]
    [InlineData("*2\r\n$3\r\nGET\r\n$4\r\na\r\nb\r\n", new[] { "GET", "a\r\nb" })]
    public void Multibulk_SplitAtEveryByte_ParsesTheSameCommand(string request, string[] expected)
    {
        var bytes = Encoding.Latin1.GetBytes(request);
        for (var at = 0; at <= bytes.Length; at++)
        {
            var result = Parse(Segment.Split(bytes, at));
            Assert.Equal(ParseStatus.Complete, result.Status);
            Assert.Equal(expected, result.Args);
            Assert.Equal(bytes.Length, result.Consumed);
        }
    }

    [Fact]
    public void Multibulk_EveryProperPrefix_NeedsMoreDataAndConsumesNothing()
    {
        var bytes = Encoding.Latin1.GetBytes("*2\r\n$4\r\nECHO\r\n$5\r\nhello\r\n");
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = Parse(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.Equal(ParseStatus.NeedMoreData, result.Status);
            Assert.Equal(0, result.Consumed);
        }
    }

    [Fact]
    public void PipelinedCommands_AreParsedOneAtATime()
    {
        var input = new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes("*1\r\n$4\r\nPING\r\n*2\r\n$4\r\nECHO\r\n$1\r\nx\r\n"));
        var args = new CommandArguments();
        Assert.Equal(ParseStatus.Complete, RequestParser.TryParse(ref input, args, Limits, true, out _));
        Assert.Equal("PING", args.Text(0));
        Assert.Equal(ParseStatus.Complete, RequestParser.TryParse(ref input, args, Limits, true, out _));
        Assert.Equal("x", args.Text(1));
        Assert.Equal(ParseStatus.NeedMoreData, RequestParser.TryParse(ref input, args, Limits, true, out _));
    }

    [Theory]
    [InlineData("PING\r\n", new[] { "PING" })]
    [InlineData("  set  a   b \n", new[] { "set", "a", "b" })]
    [InlineData("ECHO \"hello world\"\r\n", new[] { "ECHO", "hello world" })]
    [InlineData("ECHO \"a\\x41\\n\"\r\n", new[] { "ECHO", "aA\n" })]
    [InlineData("ECHO 'it\\'s'\r\n", new[] { "ECHO", "it's" })]
    [InlineData("ECHO \"\"\r\n", new[] { "ECHO", "" })]
    public void Inline_SplitsLikeRedis(string request, string[] expected)
    {
        var result = Parse(request);
        Assert.Equal(ParseStatus.Complete, result.Status);
        Assert.Equal(expected, result.Args);
    }

    [Fact]
    public void Inline_EmptyLine_IsAnEmptyCommand()
    {
        var result = Parse("\r\n");
        Assert.Equal(ParseStatus.Complete, result.Status);
        Assert.Empty(result.Args);
        Assert.Equal(2, result.Consumed);
    }

    [Theory]
    [InlineData("*abc\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*3000000000\r\n", "Protocol error: invalid multibulk length")]
    [InlineData("*1\r\n+PING\r\n", "Protocol error: expected '$', got '+'")]
    [InlineData("*1\r\n$-5\r\n", "Protocol error: invalid bulk length")]
    [InlineData("*1\r\n$x\r\n", "Protocol error: invalid bulk length")]
    [InlineData("ECHO \"unterminated\r\n", "Protocol error: unbalanced quotes in request")]
    [InlineData("ECHO \"a\"b\r\n", "Protocol error: unbalanced quotes in request")]
    public void MalformedRequests_GiveRedisProtocolErrors(string request, string expected)
    {
        var result = Parse(request);
        Assert.Equal(ParseStatus.ProtocolError, result.Status);
        Assert.Equal(expected, result.Error);
    }

    [Fact]
    public void BulkOverTheConfiguredLimit_IsRefused()
    {
        var limits = ProtocolLimits.Default with { MaxBulkLength = 10 };
        Assert.Equal("Protocol error: invalid bulk length", Parse("*1\r\n$11\r\n", limits: limits).Error);
        Assert.Equal(ParseStatus.NeedMoreData, Parse("*1\r\n$10\r\n", limits: limits).Status);
    }

    [Fact]
    public void TooManyArguments_AreRefused()
    {
        var limits = ProtocolLimits.Default with { MaxArguments = 4 };
        Assert.Equal("Protocol error: invalid multibulk length", Parse("*5\r\n", limits: limits).Error);
    }

    [Fact]
    public void BeforeAuthentication_LargeRequestsAreRefused()
    {
        Assert.Equal("Protocol error: unauthenticated multibulk length", Parse("*11\r\n", authenticated: false).Error);
        Assert.Equal("Protocol error: unauthenticated bulk length", Parse("*1\r\n$16385\r\n", authenticated: false).Error);
    }

    [Fact]
    public void HugeInlineLine_WithoutNewline_IsRefused()
    {
        var result = Parse(new string('a', 70 * 1024));
        Assert.Equal("Protocol error: too big inline request", result.Error);
    }

    [Fact]
    public void RandomBytes_NeverThrow()
    {
        var random = new Random(1234);
        var args = new CommandArguments();
        for (var i = 0; i < 20000; i++)
        {
            var bytes = new byte[random.Next(1, 64)];
            random.NextBytes(bytes);
            if (random.Next(3) == 0) bytes[0] = (byte)'*';
            var buffer = new ReadOnlySequence<byte>(bytes);
            var status = RequestParser.TryParse(ref buffer, args, Limits, true, out var error);
            Assert.True(status != ParseStatus.ProtocolError || error is not null);
        }
    }
}
