using System.Globalization;
using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>Stream IDs written as in Redis commands: "5-1", "5" (seq 0), "-" and "+".</summary>
public static class Ids
{
    public static StreamId Parse(string text)
    {
        if (text == "-") return StreamId.Zero;
        if (text == "+") return StreamId.Max;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        return dash < 0
            ? new StreamId(ulong.Parse(text, CultureInfo.InvariantCulture), 0)
            : new StreamId(ulong.Parse(text.AsSpan(0, dash), CultureInfo.InvariantCulture), ulong.Parse(text.AsSpan(dash + 1), CultureInfo.InvariantCulture));
    }

    public static StreamId[] ParseAll(params string[] texts) => [.. texts.Select(Parse)];

    public static string[] Show(IEnumerable<StreamId> ids) => [.. ids.Select(id => id.ToString())];

    /// <summary>Each entry as "id field value ...", or "id nil" for an ID no longer in the stream.</summary>
    public static string[] Show(StreamEntries entries)
    {
        var shown = new List<string>();
        foreach (var entry in entries)
        {
            if (!entry.Exists)
            {
                shown.Add($"{entry.Id} nil");
                continue;
            }
            var parts = new List<string> { entry.Id.ToString() };
            foreach (var item in entry.Items) parts.Add(System.Text.Encoding.Latin1.GetString(item));
            shown.Add(string.Join(' ', parts));
        }
        return [.. shown];
    }
}
