using System.Buffers.Text;

namespace OrleansStreams.Benchmarks.Resp;

/// <summary>
/// Reads RESP replies from a span one token at a time. Returns false ("need more data") instead of throwing when the
/// span ends mid-reply, so callers can receive more bytes and scan again.
/// </summary>
public ref struct RespReader(ReadOnlySpan<byte> buffer)
{
    private readonly ReadOnlySpan<byte> _buffer = buffer;
    private int _position;

    public readonly int Position => _position;

    /// <summary>
    /// Reads one token. Aggregates give their element count in <paramref name="number"/> (a map counts keys and values);
    /// bulk strings, simple strings and errors give their bytes in <paramref name="payload"/>.
    /// </summary>
    public bool TryRead(out RespTokenKind kind, out long number, out ReadOnlySpan<byte> payload)
    {
        kind = RespTokenKind.Other;
        number = 0;
        payload = default;
        if (_position >= _buffer.Length) return false;
        var prefix = _buffer[_position];
        var lineEnd = _buffer[(_position + 1)..].IndexOf("\r\n"u8);
        if (lineEnd < 0) return false;
        var line = _buffer.Slice(_position + 1, lineEnd);
        var next = _position + 1 + lineEnd + 2;
        switch (prefix)
        {
            case (byte)'+':
                kind = RespTokenKind.SimpleString;
                payload = line;
                break;
            case (byte)'-':
                kind = RespTokenKind.Error;
                payload = line;
                break;
            case (byte)':':
                kind = RespTokenKind.Integer;
                number = ParseNumber(line);
                break;
            case (byte)'_':
                kind = RespTokenKind.Null;
                break;
            case (byte)'$' or (byte)'!' or (byte)'=':
                var length = ParseNumber(line);
                if (length < 0)
                {
                    kind = RespTokenKind.Null;
                    break;
                }
                if (next + length + 2 > _buffer.Length) return false;
                kind = prefix == (byte)'!' ? RespTokenKind.Error : RespTokenKind.BulkString;
                payload = _buffer.Slice(next, (int)length);
                next += (int)length + 2;
                break;
            case (byte)'*' or (byte)'~' or (byte)'>':
                number = ParseNumber(line);
                kind = number < 0 ? RespTokenKind.Null : RespTokenKind.Array;
                break;
            case (byte)'%':
                number = ParseNumber(line) * 2;
                kind = RespTokenKind.Map;
                break;
            default:
                // Doubles, booleans, big numbers: a single line the benchmarks never inspect.
                payload = line;
                break;
        }
        _position = next;
        return true;
    }

    /// <summary>Skips one whole reply (with its nested elements); false, with the position unchanged, when it is incomplete.</summary>
    public bool TrySkip(out bool isError)
    {
        var start = _position;
        isError = false;
        long remaining = 1;
        var first = true;
        while (remaining > 0)
        {
            if (!TryRead(out var kind, out var number, out _))
            {
                _position = start;
                return false;
            }
            if (first) isError = kind == RespTokenKind.Error;
            first = false;
            remaining--;
            if (kind is RespTokenKind.Array or RespTokenKind.Map) remaining += number;
        }
        return true;
    }

    /// <summary>Reads a bulk or simple string; false for null or any other kind.</summary>
    public bool TryReadString(out ReadOnlySpan<byte> value)
    {
        if (TryRead(out var kind, out _, out value) && kind is RespTokenKind.BulkString or RespTokenKind.SimpleString) return true;
        value = default;
        return false;
    }

    private static long ParseNumber(ReadOnlySpan<byte> line) =>
        Utf8Parser.TryParse(line, out long value, out var consumed) && consumed == line.Length
            ? value
            : throw new InvalidDataException($"Bad RESP length or integer: '{System.Text.Encoding.ASCII.GetString(line)}'.");
}
