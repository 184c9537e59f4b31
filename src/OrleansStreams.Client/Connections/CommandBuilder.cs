using System.Buffers;
using System.Globalization;
using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>
/// One command being built: its arguments are encoded as RESP bulks as they are added, so sending it is one copy
/// into the connection's pipe, and a retry on another connection sends the same bytes.
/// </summary>
public sealed class CommandBuilder
{
    private readonly ArrayBufferWriter<byte> _body = new(128);
    private readonly RespWriter _writer;

    /// <summary>Starts a command; each word of <paramref name="name"/> ("XGROUP CREATE") is sent as its own argument.</summary>
    public CommandBuilder(string name)
    {
        _writer = new RespWriter(_body);
        Name = name;
        foreach (var word in name.Split(' ')) Add(word);
    }

    private CommandBuilder(string name, ReadOnlySpan<byte> first)
    {
        _writer = new RespWriter(_body);
        Name = name;
        Add(first);
    }

    /// <summary>Starts a command whose first argument is sent exactly as given, spaces included.</summary>
    public static CommandBuilder Verbatim(StreamValue first) => new(first.ToString().ToUpperInvariant(), first.Span);

    /// <summary>The command's name, for example "XADD" or "XGROUP CREATE", used in error messages and metrics.</summary>
    public string Name { get; }

    public int Count { get; private set; }

    /// <summary>Set for commands that may wait on the server (a BLOCK read): they go on a dedicated connection.</summary>
    public TimeSpan? Block { get; set; }

    public CommandBuilder Add(string value)
    {
        _writer.WriteBulkUtf8(value);
        Count++;
        return this;
    }

    public CommandBuilder Add(long value)
    {
        _writer.WriteBulk(value);
        Count++;
        return this;
    }

    public CommandBuilder Add(ReadOnlySpan<byte> value)
    {
        _writer.WriteBulk(value);
        Count++;
        return this;
    }

    public CommandBuilder Add(StreamValue value) => Add(value.Span);

    public CommandBuilder Add(TimeSpan milliseconds) => Add(checked((long)milliseconds.TotalMilliseconds));

    internal void WriteTo(RespWriter output)
    {
        output.WriteArrayHeader(Count);
        output.WriteRawBytes(_body.WrittenSpan);
    }

    internal static string Describe(TimeSpan value) => value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture) + " ms";
}
