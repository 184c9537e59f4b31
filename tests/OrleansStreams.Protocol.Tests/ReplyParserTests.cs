using System.Buffers;
using System.Text;

namespace OrleansStreams.Protocol.Tests;

public sealed class ReplyParserTests
{
    private static (ParseStatus Status, RespValue? Value, string? Error, long Consumed) Parse(ReadOnlySequence<byte> input)
    {
        var buffer = input;
        var status = ReplyParser.TryParse(ref buffer, out var value, out var error);
        return (status, value, error, input.Length - buffer.Length);
    }

    private static (ParseStatus Status, RespValue? Value, string? Error, long Consumed) Parse(string input) =>
        Parse(new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes(input)));

    [Theory]
    [InlineData("+OK\r\n", "OK")]
    [InlineData("-ERR no such key\r\n", "(error) ERR no such key")]
    [InlineData(":-42\r\n", "(integer) -42")]
    [InlineData("$5\r\nhe\r\no\r\n", "he\r\no")]
    [InlineData("$0\r\n\r\n", "")]
    [InlineData("$-1\r\n", "(nil)")]
    [InlineData("*-1\r\n", "(nil)")]
    [InlineData("_\r\n", "(nil)")]
    [InlineData("*0\r\n", "[]")]
    [InlineData("*2\r\n$9\r\n1700000-0\r\n*2\r\n$4\r\nitem\r\n$6\r\nwidget\r\n", "[1700000-0, [item, widget]]")]
    [InlineData("%1\r\n$3\r\nkey\r\n:7\r\n", "[key, (integer) 7]")]
    [InlineData("~2\r\n+a\r\n+b\r\n", "[a, b]")]
    [InlineData(">2\r\n+message\r\n+x\r\n", "[message, x]")]
    [InlineData(",3.25\r\n", "3.25")]
    [InlineData("#t\r\n", "true")]
    [InlineData("(12345678901234567890\r\n", "12345678901234567890")]
    [InlineData("=7\r\ntxt:abc\r\n", "abc")]
    [InlineData("!11\r\nERR bad one\r\n", "(error) ERR bad one")]
    [InlineData("|1\r\n+ttl\r\n:3\r\n:10\r\n", "(integer) 10")]
    public void EveryReplyType_SplitAtEveryByte_ParsesTheSameValue(string reply, string expected)
    {
        var bytes = Encoding.Latin1.GetBytes(reply);
        for (var at = 0; at <= bytes.Length; at++)
        {
            var result = Parse(Segment.Split(bytes, at));
            Assert.Equal(ParseStatus.Complete, result.Status);
            Assert.Equal(expected, result.Value!.ToString());
            Assert.Equal(bytes.Length, result.Consumed);
        }
    }

    [Fact]
    public void EveryProperPrefix_NeedsMoreDataAndConsumesNothing()
    {
        var bytes = Encoding.Latin1.GetBytes("*3\r\n$4\r\nXADD\r\n*1\r\n:1\r\n%1\r\n+k\r\n$2\r\nvv\r\n");
        for (var length = 0; length < bytes.Length; length++)
        {
            var result = Parse(new ReadOnlySequence<byte>(bytes, 0, length));
            Assert.Equal(ParseStatus.NeedMoreData, result.Status);
            Assert.Equal(0, result.Consumed);
            Assert.Null(result.Value);
        }
    }

    [Fact]
    public void PipelinedReplies_AreParsedOneAtATimeInOrder()
    {
        var buffer = new ReadOnlySequence<byte>(Encoding.Latin1.GetBytes("+PONG\r\n:2\r\n$1\r\nx\r\n$3\r\nab"));
        Assert.Equal(ParseStatus.Complete, ReplyParser.TryParse(ref buffer, out var first, out _));
        Assert.Equal(ParseStatus.Complete, ReplyParser.TryParse(ref buffer, out var second, out _));
        Assert.Equal(ParseStatus.Complete, ReplyParser.TryParse(ref buffer, out var third, out _));
        Assert.Equal(ParseStatus.NeedMoreData, ReplyParser.TryParse(ref buffer, out _, out _));
        Assert.Equal("PONG", first!.AsString());
        Assert.Equal(2, second!.AsInt64());
        Assert.Equal("x", third!.AsString());
        Assert.Equal("$3\r\nab".Length, buffer.Length);
    }

    [Fact]
    public void BulkStrings_KeepTheirExactBytes()
    {
        byte[] payload = [0, 0xff, 0x0d, 0x0a, 0x80];
        var bytes = Encoding.ASCII.GetBytes("$5\r\n").Concat(payload).Concat("\r\n"u8.ToArray()).ToArray();
        var result = Parse(new ReadOnlySequence<byte>(bytes));
        Assert.Equal(RespValueKind.BulkString, result.Value!.Kind);
        Assert.Equal(payload, result.Value.AsBytes());
    }

    [Theory]
    [InlineData("?what\r\n")]
    [InlineData(":12x\r\n")]
    [InlineData("$abc\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("*-5\r\n")]
    [InlineData("%-1\r\n")]
    [InlineData("#x\r\n")]
    [InlineData("_x\r\n")]
    [InlineData("*2\r\n:1\r\n?\r\n")]
    public void MalformedReplies_AreProtocolErrorsNotExceptions(string reply)
    {
        var result = Parse(reply);
        Assert.Equal(ParseStatus.ProtocolError, result.Status);
        Assert.StartsWith("Protocol error", result.Error);
        Assert.Equal(0, result.Consumed);
    }

    [Fact]
    public void DeeplyNestedReply_IsRefusedWithoutOverflowingTheStack()
    {
        var reply = string.Concat(Enumerable.Repeat("*1\r\n", 100_000)) + ":1\r\n";
        var result = Parse(reply);
        Assert.Equal(ParseStatus.ProtocolError, result.Status);
        Assert.Contains("nested", result.Error);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void RepliesWrittenByRespWriter_ReadBackAsWritten(int protocol)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RespWriter(buffer) { Protocol = protocol };
        writer.WriteMapHeader(2);
        writer.WriteBulk("length");
        writer.WriteInteger(3);
        writer.WriteBulk("first-entry");
        writer.WriteNullArray();
        writer.WriteDouble(1.5, "1.5");
        writer.WriteBulkUtf8("grüße");
        var sequence = new ReadOnlySequence<byte>(buffer.WrittenMemory);

        Assert.Equal(ParseStatus.Complete, ReplyParser.TryParse(ref sequence, out var map, out _));
        Assert.Equal(protocol == 3 ? RespValueKind.Map : RespValueKind.Array, map!.Kind);
        Assert.Equal(4, map.Items.Count);
        Assert.Equal("length", map.Items[0].AsString());
        Assert.Equal(3, map.Items[1].AsInt64());
        Assert.True(map.Items[3].IsNull);
        Assert.Equal(ParseStatus.Complete, ReplyParser.TryParse(ref sequence, out var number, out _));
        Assert.Equal(1.5, number!.AsDouble());
        Assert.Equal(ParseStatus.Complete, ReplyParser.TryParse(ref sequence, out var text, out _));
        Assert.Equal("grüße", text!.AsString());
        Assert.True(sequence.IsEmpty);
    }
}
