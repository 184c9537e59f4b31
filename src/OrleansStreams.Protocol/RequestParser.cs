using System.Buffers;
using System.Buffers.Text;

namespace OrleansStreams.Protocol;

/// <summary>
/// Parses client requests: RESP multibulk arrays and inline commands. It never throws on bad input: it reports
/// <see cref="ParseStatus.NeedMoreData"/> without consuming anything, or a protocol error in Redis's words.
/// </summary>
public static class RequestParser
{
    public static ParseStatus TryParse(ref ReadOnlySequence<byte> buffer, CommandArguments arguments, ProtocolLimits limits, bool authenticated, out string? error)
    {
        error = null;
        arguments.Clear();
        if (buffer.IsEmpty) return ParseStatus.NeedMoreData;
        var reader = new SequenceReader<byte>(buffer);
        reader.TryPeek(out var first);
        var status = first == (byte)'*'
            ? ParseMultibulk(ref reader, arguments, limits, authenticated, out error)
            : ParseInline(ref reader, arguments, limits, out error);
        if (status == ParseStatus.Complete) buffer = buffer.Slice(reader.Position);
        else arguments.Clear();
        return status;
    }

    private static ParseStatus ParseMultibulk(ref SequenceReader<byte> reader, CommandArguments arguments, ProtocolLimits limits, bool authenticated, out string? error)
    {
        error = null;
        reader.Advance(1);
        if (!TryReadLine(ref reader, out var countLine))
        {
            if (reader.Remaining > limits.MaxInlineLength) { error = "Protocol error: too big mbulk count string"; return ParseStatus.ProtocolError; }
            return ParseStatus.NeedMoreData;
        }
        if (!TryParseInteger(countLine, out var count) || count > int.MaxValue || count > limits.MaxArguments)
        {
            error = "Protocol error: invalid multibulk length";
            return ParseStatus.ProtocolError;
        }
        if (!authenticated && count > limits.UnauthenticatedMaxArguments)
        {
            error = "Protocol error: unauthenticated multibulk length";
            return ParseStatus.ProtocolError;
        }
        for (long i = 0; i < count; i++)
        {
            if (!reader.TryPeek(out var marker)) return ParseStatus.NeedMoreData;
            if (marker != (byte)'$')
            {
                error = $"Protocol error: expected '$', got '{(char)marker}'";
                return ParseStatus.ProtocolError;
            }
            reader.Advance(1);
            if (!TryReadLine(ref reader, out var lengthLine))
            {
                if (reader.Remaining > limits.MaxInlineLength) { error = "Protocol error: too big bulk count string"; return ParseStatus.ProtocolError; }
                return ParseStatus.NeedMoreData;
            }
            if (!TryParseInteger(lengthLine, out var length) || length < 0 || length > limits.MaxBulkLength)
            {
                error = "Protocol error: invalid bulk length";
                return ParseStatus.ProtocolError;
            }
            if (!authenticated && length > limits.UnauthenticatedMaxBulkLength)
            {
                error = "Protocol error: unauthenticated bulk length";
                return ParseStatus.ProtocolError;
            }
            if (reader.Remaining < length + 2) return ParseStatus.NeedMoreData;
            var value = reader.UnreadSequence.Slice(0, length);
            reader.Advance(length);
            // Redis skips the two bytes after a bulk without checking them; we do the same.
            reader.Advance(2);
            arguments.Add(value);
        }
        return ParseStatus.Complete;
    }

    private static ParseStatus ParseInline(ref SequenceReader<byte> reader, CommandArguments arguments, ProtocolLimits limits, out string? error)
    {
        error = null;
        if (!reader.TryReadTo(out ReadOnlySequence<byte> line, (byte)'\n'))
        {
            if (reader.Remaining > limits.MaxInlineLength) { error = "Protocol error: too big inline request"; return ParseStatus.ProtocolError; }
            return ParseStatus.NeedMoreData;
        }
        if (line.Length > limits.MaxInlineLength) { error = "Protocol error: too big inline request"; return ParseStatus.ProtocolError; }
        Span<byte> scratch = line.Length <= 512 ? stackalloc byte[(int)line.Length] : new byte[line.Length];
        line.CopyTo(scratch);
        var text = scratch;
        if (text.Length > 0 && text[^1] == (byte)'\r') text = text[..^1];
        if (!InlineSplitter.TrySplit(text, arguments))
        {
            error = "Protocol error: unbalanced quotes in request";
            return ParseStatus.ProtocolError;
        }
        return ParseStatus.Complete;
    }

    private static bool TryReadLine(ref SequenceReader<byte> reader, out ReadOnlySequence<byte> line)
    {
        var probe = reader;
        if (!probe.TryReadTo(out line, (byte)'\n')) return false;
        if (line.Length > 0 && line.Slice(line.Length - 1).FirstSpan[0] == (byte)'\r') line = line.Slice(0, line.Length - 1);
        reader = probe;
        return true;
    }

    /// <summary>Strict decimal as Redis's string2ll: optional '-', digits, no blanks or '+'.</summary>
    private static bool TryParseInteger(in ReadOnlySequence<byte> text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 20) return false;
        Span<byte> buffer = stackalloc byte[20];
        text.CopyTo(buffer);
        var span = buffer[..(int)text.Length];
        if (span[0] == (byte)'+' || (span.Length > 1 && span[0] == (byte)'0')) return false;
        return Utf8Parser.TryParse(span, out value, out var consumed) && consumed == span.Length;
    }
}
