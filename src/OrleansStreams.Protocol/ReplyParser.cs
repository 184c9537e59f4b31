using System.Buffers;
using System.Buffers.Text;

namespace OrleansStreams.Protocol;

/// <summary>
/// Parses server replies (RESP2 and RESP3) from a network buffer. It never throws on bad input: a reply that has not
/// fully arrived gives <see cref="ParseStatus.NeedMoreData"/> with nothing consumed, a malformed one a protocol error.
/// A reply is first scanned without allocating, and decoded only once it is complete.
/// </summary>
public static class ReplyParser
{
    /// <summary>Deeper nesting than any Redis reply; stops a hostile peer from exhausting the stack.</summary>
    private const int MaxDepth = 64;

    public static ParseStatus TryParse(ref ReadOnlySequence<byte> buffer, out RespValue? value, out string? error)
    {
        value = null;
        var scanner = new SequenceReader<byte>(buffer);
        var status = TrySkip(ref scanner, out error);
        if (status != ParseStatus.Complete) return status;
        var reader = new SequenceReader<byte>(buffer);
        value = Read(ref reader);
        buffer = buffer.Slice(reader.Position);
        return ParseStatus.Complete;
    }

    /// <summary>Checks that one whole reply is buffered and moves past it, without decoding it.</summary>
    public static ParseStatus TrySkip(ref SequenceReader<byte> reader, out string? error)
    {
        error = null;
        // Items still to read at each nesting level.
        Span<long> pending = stackalloc long[MaxDepth];
        var depth = 0;
        pending[0] = 1;
        while (depth >= 0)
        {
            if (pending[depth] == 0) { depth--; continue; }
            var status = TryReadHeader(ref reader, out var prefix, out var number, out error);
            if (status != ParseStatus.Complete) return status;
            pending[depth]--;
            long children = 0;
            switch (prefix)
            {
                case (byte)'$' or (byte)'!' or (byte)'=' when number >= 0:
                    if (reader.Remaining < number + 2) return ParseStatus.NeedMoreData;
                    reader.Advance(number + 2);
                    break;
                case (byte)'*' or (byte)'~' or (byte)'>' when number > 0:
                    children = number;
                    break;
                case (byte)'%' when number > 0:
                    children = number * 2;
                    break;
                case (byte)'|':
                    // Attributes annotate the value that follows them at the same level.
                    pending[depth]++;
                    children = number * 2;
                    break;
            }
            if (children > int.MaxValue) { error = "Protocol error: reply too large"; return ParseStatus.ProtocolError; }
            if (children == 0) continue;
            if (++depth == MaxDepth) { error = "Protocol error: reply nested too deeply"; return ParseStatus.ProtocolError; }
            pending[depth] = children;
        }
        return ParseStatus.Complete;
    }

    private static RespValue Read(ref SequenceReader<byte> reader)
    {
        while (true)
        {
            TryReadHeader(ref reader, out var prefix, out var number, out _, out var line);
            switch (prefix)
            {
                case (byte)'+': return RespValue.Create(RespValueKind.SimpleString, line.ToArray(), 0);
                case (byte)'-': return RespValue.Create(RespValueKind.Error, line.ToArray(), 0);
                case (byte)':': return RespValue.Create(RespValueKind.Integer, null, number);
                case (byte)'_': return RespValue.Null;
                case (byte)',': return RespValue.Create(RespValueKind.Double, line.ToArray(), 0);
                case (byte)'(': return RespValue.Create(RespValueKind.BigNumber, line.ToArray(), 0);
                case (byte)'#': return RespValue.Create(RespValueKind.Boolean, null, number);
                case (byte)'$' or (byte)'!' or (byte)'=':
                    if (number < 0) return RespValue.Null;
                    var payload = reader.UnreadSequence.Slice(0, number);
                    reader.Advance(number + 2);
                    var kind = prefix switch { (byte)'!' => RespValueKind.Error, (byte)'=' => RespValueKind.VerbatimString, _ => RespValueKind.BulkString };
                    // A verbatim string starts with its three-letter format and a colon ("txt:").
                    if (kind == RespValueKind.VerbatimString && payload.Length >= 4) payload = payload.Slice(4);
                    return RespValue.Create(kind, payload.ToArray(), 0);
                case (byte)'*' or (byte)'~' or (byte)'>' or (byte)'%':
                    if (number < 0) return RespValue.Null;
                    var count = prefix == (byte)'%' ? number * 2 : number;
                    var items = new RespValue[count];
                    for (var i = 0; i < items.Length; i++) items[i] = Read(ref reader);
                    var aggregate = prefix switch { (byte)'%' => RespValueKind.Map, (byte)'~' => RespValueKind.Set, (byte)'>' => RespValueKind.Push, _ => RespValueKind.Array };
                    return RespValue.Aggregate(aggregate, items);
                case (byte)'|':
                    for (long i = 0; i < number * 2; i++) Read(ref reader);
                    continue;
                default:
                    throw new InvalidOperationException("A reply that was scanned as complete could not be read.");
            }
        }
    }

    private static ParseStatus TryReadHeader(ref SequenceReader<byte> reader, out byte prefix, out long number, out string? error)
        => TryReadHeader(ref reader, out prefix, out number, out error, out _);

    private static ParseStatus TryReadHeader(ref SequenceReader<byte> reader, out byte prefix, out long number, out string? error, out ReadOnlySequence<byte> line)
    {
        number = 0;
        error = null;
        line = default;
        if (!reader.TryPeek(out prefix)) return ParseStatus.NeedMoreData;
        var probe = reader;
        probe.Advance(1);
        if (!probe.TryReadTo(out line, "\r\n"u8)) return ParseStatus.NeedMoreData;
        switch (prefix)
        {
            case (byte)'+' or (byte)'-' or (byte)',' or (byte)'(':
                break;
            case (byte)'_':
                if (!line.IsEmpty) { error = "Protocol error: bad null reply"; return ParseStatus.ProtocolError; }
                break;
            case (byte)'#':
                if (line.Length != 1 || (line.FirstSpan[0] != (byte)'t' && line.FirstSpan[0] != (byte)'f'))
                {
                    error = "Protocol error: bad boolean reply";
                    return ParseStatus.ProtocolError;
                }
                number = line.FirstSpan[0] == (byte)'t' ? 1 : 0;
                break;
            case (byte)':' or (byte)'$' or (byte)'!' or (byte)'=' or (byte)'*' or (byte)'~' or (byte)'>' or (byte)'%' or (byte)'|':
                if (!TryParseInteger(line, out number) || (prefix != (byte)':' && number < -1))
                {
                    error = "Protocol error: bad length or integer in reply";
                    return ParseStatus.ProtocolError;
                }
                if (number == -1 && prefix is (byte)'%' or (byte)'|' or (byte)'~' or (byte)'>')
                {
                    error = "Protocol error: bad aggregate length in reply";
                    return ParseStatus.ProtocolError;
                }
                break;
            default:
                error = $"Protocol error: unexpected reply type byte 0x{prefix:x2}";
                return ParseStatus.ProtocolError;
        }
        reader = probe;
        return ParseStatus.Complete;
    }

    private static bool TryParseInteger(in ReadOnlySequence<byte> text, out long value)
    {
        value = 0;
        if (text.Length is 0 or > 20) return false;
        Span<byte> buffer = stackalloc byte[20];
        text.CopyTo(buffer);
        var span = buffer[..(int)text.Length];
        return Utf8Parser.TryParse(span, out value, out var consumed) && consumed == span.Length;
    }
}
