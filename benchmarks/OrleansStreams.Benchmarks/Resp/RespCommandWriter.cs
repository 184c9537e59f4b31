using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace OrleansStreams.Benchmarks.Resp;

/// <summary>Writes RESP2 requests (arrays of bulk strings) into a reusable buffer, so hot loops build commands without allocating.</summary>
public sealed class RespCommandWriter
{
    private readonly ArrayBufferWriter<byte> _buffer = new(256);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.WrittenMemory;

    public void Clear() => _buffer.ResetWrittenCount();

    public void WriteArrayHeader(int count) => WritePrefixedNumber((byte)'*', count);

    public void WriteBulk(ReadOnlySpan<byte> value)
    {
        WritePrefixedNumber((byte)'$', value.Length);
        _buffer.Write(value);
        _buffer.Write("\r\n"u8);
    }

    public void WriteBulk(string value)
    {
        // Benchmark arguments are ASCII; Latin-1 keeps one byte per char like the silo's binary-safe keys.
        var length = Encoding.Latin1.GetByteCount(value);
        WritePrefixedNumber((byte)'$', length);
        Encoding.Latin1.GetBytes(value, _buffer.GetSpan(length));
        _buffer.Advance(length);
        _buffer.Write("\r\n"u8);
    }

    public void WriteCommand(IReadOnlyList<string> args)
    {
        WriteArrayHeader(args.Count);
        foreach (var arg in args) WriteBulk(arg);
    }

    public static byte[] Encode(params string[] args)
    {
        var writer = new RespCommandWriter();
        writer.WriteCommand(args);
        return writer.WrittenMemory.ToArray();
    }

    /// <summary>The same command <paramref name="times"/> times back to back: one pipelined batch.</summary>
    public static byte[] Repeat(ReadOnlySpan<byte> command, int times)
    {
        var batch = new byte[command.Length * times];
        for (var i = 0; i < times; i++) command.CopyTo(batch.AsSpan(i * command.Length));
        return batch;
    }

    private void WritePrefixedNumber(byte prefix, int value)
    {
        var span = _buffer.GetSpan(16);
        span[0] = prefix;
        Utf8Formatter.TryFormat(value, span[1..], out var written);
        span[1 + written] = (byte)'\r';
        span[2 + written] = (byte)'\n';
        _buffer.Advance(written + 3);
    }
}
