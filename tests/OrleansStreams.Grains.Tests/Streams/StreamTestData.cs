using System.Text;
using OrleansStreams.Grains.Streams;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.Tests.Streams;

internal static class StreamTestData
{
    public static StreamFields Fields(params string[] items)
    {
        var fields = new StreamFields(items.Length / 2);
        foreach (var item in items) fields.Add(Encoding.Latin1.GetBytes(item));
        return fields;
    }

    public static StreamSettings Settings(long nodeMaxEntries = 100, long nodeMaxBytes = 4096)
        => new() { NodeMaxEntries = nodeMaxEntries, NodeMaxBytes = nodeMaxBytes };

    /// <summary>Appends entries 1-0, 2-0, ... count-0 with one field.</summary>
    public static StreamLog Log(int count, StreamSettings settings)
    {
        var log = new StreamLog();
        for (var i = 1; i <= count; i++) log.Append(new StreamId((ulong)i, 0), Fields("f", "v"), settings);
        return log;
    }

    /// <summary>Every entry as "id f1 v1 f2 v2 ..." text, for compact assertions.</summary>
    public static List<string> Describe(StreamEntries entries)
    {
        var lines = new List<string>();
        foreach (var entry in entries)
        {
            var line = new StringBuilder(entry.Id.ToString());
            if (!entry.Exists) line.Append(" (missing)");
            foreach (var item in entry.Items) line.Append(' ').Append(Encoding.Latin1.GetString(item));
            lines.Add(line.ToString());
        }
        return lines;
    }

    public static List<string> Range(StreamLog log, StreamId start, StreamId end, long count = 0, bool reverse = false)
    {
        var builder = new StreamEntriesBuilder();
        log.Range(start, end, count, reverse, builder);
        return Describe(builder.Build());
    }

    public static List<string> All(StreamLog log) => Range(log, StreamId.Zero, StreamId.Max);
}
