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

    public CommandBuilder(string name)
    {
        _writer = new RespWriter(_body);
        Name = name;
        foreach (var word in name.Split(' ')) Add(word);
    }

    /// <summary>The command's name, for example "XADD" or "XGROUP CREATE", used in error messages.</summary>
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
