using OrleansStreams.Protocol;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>The RESP shapes shared by stream replies: IDs as bulk strings, entries as [id, [field, value, ...]].</summary>
public static class StreamReplies
{
    public static void WriteId(RespWriter reply, StreamId id)
    {
        Span<byte> text = stackalloc byte[StreamId.MaxFormattedLength];
        id.TryFormat(text, out var written);
        reply.WriteBulk(text[..written]);
    }

    /// <summary>One entry; a missing one (asked for by ID, since deleted) is written as [id, null array].</summary>
    public static void WriteEntry(RespWriter reply, in StreamEntry entry)
    {
        reply.WriteArrayHeader(2);
        WriteId(reply, entry.Id);
        if (!entry.Exists)
        {
            reply.WriteNullArray();
            return;
        }
        reply.WriteArrayHeader(entry.ItemCount);
        foreach (var item in entry.Items) reply.WriteBulk(item);
    }

    public static void WriteEntries(RespWriter reply, StreamEntries entries)
    {
        reply.WriteArrayHeader(entries.Count);
        foreach (var entry in entries) WriteEntry(reply, entry);
    }
}
