using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace OrleansStreams.Protocol;

/// <summary>
/// Writes RESP2 or RESP3 replies straight into a buffer writer (the connection's PipeWriter). Shapes that differ
/// between the protocols (nulls, maps, doubles) are written by protocol version, so handlers write a reply once.
/// </summary>
public sealed class RespWriter(IBufferWriter<byte> output)
{
    private IBufferWriter<byte> _output = output;

    /// <summary>2 or 3, as chosen with HELLO.</summary>
    public int Protocol { get; set; } = 2;

    public bool IsResp3 => Protocol >= 3;

    /// <summary>Redirects output, for example into a buffer while a transaction's replies are collected.</summary>
    public IBufferWriter<byte> Output
    {
        get => _output;
        set => _output = value;
    }

    public void WriteSimpleString(ReadOnlySpan<byte> value)
    {
        WriteRaw((byte)'+', value);
    }

    public void WriteSimpleString(string value) => WriteSimpleString(Encoding.UTF8.GetBytes(value));

    public void WriteOk() => WriteRawBytes("+OK\r\n"u8);

    /// <summary>An error line. The message carries its own code, as in "ERR syntax error" or "NOGROUP ...".</summary>
    public void WriteError(string message)
    {
        var bytes = Encoding.UTF8.GetBytes(message.Replace('\r', ' ').Replace('\n', ' '));
        WriteRaw((byte)'-', bytes);
    }

    public void WriteInteger(long value) => WriteNumberLine((byte)':', value);

    public void WriteBulk(ReadOnlySpan<byte> value)
    {
        WriteNumberLine((byte)'$', value.Length);
        WriteRawBytes(value);
        WriteRawBytes("\r\n"u8);
    }

    public void WriteBulk(string value) => WriteBulk(Encoding.Latin1.GetBytes(value));

    public void WriteBulkUtf8(string value)
    {
        // Encoded straight into the output: clients build every command argument this way.
        var length = Encoding.UTF8.GetByteCount(value);
        WriteNumberLine((byte)'$', length);
        var span = _output.GetSpan(length + 2);
        Encoding.UTF8.GetBytes(value, span);
        span[length] = (byte)'\r';
        span[length + 1] = (byte)'\n';
        _output.Advance(length + 2);
    }

    public void WriteBulk(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        WriteBulk(digits[..written]);
    }

    /// <summary>RESP3 double, or a bulk string in RESP2 (as Redis does for INCRBYFLOAT-like replies it sends as doubles).</summary>
    public void WriteDouble(double value, string text)
    {
        if (IsResp3) WriteRaw((byte)',', Encoding.ASCII.GetBytes(text));
        else WriteBulk(Encoding.ASCII.GetBytes(text));
    }

    public void WriteNullBulk() => WriteRawBytes(IsResp3 ? "_\r\n"u8 : "$-1\r\n"u8);

    public void WriteNullArray() => WriteRawBytes(IsResp3 ? "_\r\n"u8 : "*-1\r\n"u8);

    public void WriteArrayHeader(int count) => WriteNumberLine((byte)'*', count);

    /// <summary>A map header: %N in RESP3, a flat array of 2N items in RESP2.</summary>
    public void WriteMapHeader(int pairs)
    {
        if (IsResp3) WriteNumberLine((byte)'%', pairs);
        else WriteNumberLine((byte)'*', pairs * 2L);
    }

    /// <summary>A set header: ~N in RESP3, an array in RESP2.</summary>
    public void WriteSetHeader(int count) => WriteNumberLine(IsResp3 ? (byte)'~' : (byte)'*', count);

    /// <summary>Verbatim text (RESP3 "=" with the txt format), a bulk string in RESP2.</summary>
    public void WriteVerbatimText(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (!IsResp3) { WriteBulk(bytes); return; }
        WriteNumberLine((byte)'=', bytes.Length + 4);
        WriteRawBytes("txt:"u8);
        WriteRawBytes(bytes);
        WriteRawBytes("\r\n"u8);
    }

    public void WriteRawBytes(ReadOnlySpan<byte> bytes)
    {
        var span = _output.GetSpan(bytes.Length);
        bytes.CopyTo(span);
        _output.Advance(bytes.Length);
    }

    private void WriteRaw(byte prefix, ReadOnlySpan<byte> value)
    {
        var span = _output.GetSpan(value.Length + 3);
        span[0] = prefix;
        value.CopyTo(span[1..]);
        span[value.Length + 1] = (byte)'\r';
        span[value.Length + 2] = (byte)'\n';
        _output.Advance(value.Length + 3);
    }

    private void WriteNumberLine(byte prefix, long value)
    {
        var span = _output.GetSpan(24);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[written + 1] = (byte)'\r';
        span[written + 2] = (byte)'\n';
        _output.Advance(written + 3);
    }
}
