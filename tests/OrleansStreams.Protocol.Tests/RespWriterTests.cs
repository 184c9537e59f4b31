using System.Buffers;
using System.Text;

namespace OrleansStreams.Protocol.Tests;

public sealed class RespWriterTests
{
    private static string Write(int protocol, Action<RespWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new RespWriter(buffer) { Protocol = protocol };
        write(writer);
        return Encoding.Latin1.GetString(buffer.WrittenSpan);
    }

    [Theory]
    [InlineData(2, "$-1\r\n*-1\r\n")]
    [InlineData(3, "_\r\n_\r\n")]
    public void Nulls_FollowTheProtocolVersion(int protocol, string expected)
    {
        Assert.Equal(expected, Write(protocol, w => { w.WriteNullBulk(); w.WriteNullArray(); }));
    }

    [Fact]
    public void Map_IsAFlatArrayInResp2AndAMapInResp3()
    {
        Assert.Equal("*4\r\n", Write(2, w => w.WriteMapHeader(2)));
        Assert.Equal("%2\r\n", Write(3, w => w.WriteMapHeader(2)));
    }

    [Fact]
    public void ScalarReplies_AreEncodedExactly()
    {
        Assert.Equal(":-42\r\n$3\r\nabc\r\n$0\r\n\r\n+OK\r\n-ERR syntax error\r\n",
            Write(2, w => { w.WriteInteger(-42); w.WriteBulk("abc"u8); w.WriteBulk(""u8); w.WriteOk(); w.WriteError("ERR syntax error"); }));
    }

    [Fact]
    public void ErrorText_CannotBreakTheFrame()
    {
        Assert.Equal("-ERR a  b\r\n", Write(2, w => w.WriteError("ERR a\r\nb")));
    }

    [Fact]
    public void BulkUtf8_IsEncodedAsUtf8WithItsByteLength()
    {
        Assert.Equal("$7\r\ngr\u00c3\u00bc\u00c3\u009fe\r\n$0\r\n\r\n", Write(2, w => { w.WriteBulkUtf8("grüße"); w.WriteBulkUtf8(""); }));
    }
}
