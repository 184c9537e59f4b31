using System.Text;
using OrleansStreams.Protocol;

namespace OrleansStreams.Client;

/// <summary>Turns RESP replies into the client's types; accepts RESP2 flat arrays and RESP3 maps alike.</summary>
internal static class ReplyReading
{
    public static string Text(RespValue value) => value.AsString() ?? "";

    public static string? NullableText(RespValue value) => value.IsNull ? null : value.AsString();

    public static IReadOnlyList<StreamEntry> Entries(RespValue value)
    {
        if (value.IsNull) return [];
        var entries = new List<StreamEntry>(value.Items.Count);
        foreach (var item in value.Items)
        {
            // XCLAIM on older servers answers a deleted entry with nil.
            if (item.IsNull) continue;
            entries.Add(Entry(item));
        }
        return entries;
    }

    public static StreamEntry Entry(RespValue value)
    {
        var id = Text(value.Items[0]);
        var fieldsValue = value.Items.Count > 1 ? value.Items[1] : RespValue.Null;
        if (fieldsValue.IsNull) return new StreamEntry(id, []) { IsDeleted = true };
        var fields = new StreamField[fieldsValue.Items.Count / 2];
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i] = new StreamField(Value(fieldsValue.Items[2 * i]), Value(fieldsValue.Items[2 * i + 1]));
        }
        return new StreamEntry(id, fields);
    }

    public static StreamValue Value(RespValue value) => new(value.AsBytes() ?? []);

    /// <summary>XREAD/XREADGROUP: nil when nothing arrived, else per stream [key, entries] (RESP2) or a map (RESP3).</summary>
    public static IReadOnlyList<StreamReadResult> ReadResults(RespValue value)
    {
        if (value.IsNull) return [];
        var results = new List<StreamReadResult>();
        if (value.Kind == RespValueKind.Map)
        {
            for (var i = 0; i + 1 < value.Items.Count; i += 2) results.Add(new StreamReadResult(Text(value.Items[i]), Entries(value.Items[i + 1])));
            return results;
        }
        foreach (var stream in value.Items) results.Add(new StreamReadResult(Text(stream.Items[0]), Entries(stream.Items[1])));
        return results;
    }

    public static IReadOnlyList<string> Ids(RespValue value) => value.IsNull ? [] : value.Items.Where(item => !item.IsNull).Select(Text).ToList();

    /// <summary>Name/value pairs of a map reply, keyed by name (case-insensitive, as Redis's field names are lower case).</summary>
    public static Dictionary<string, RespValue> Map(RespValue value)
    {
        var map = new Dictionary<string, RespValue>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < value.Items.Count; i += 2) map[Text(value.Items[i])] = value.Items[i + 1];
        return map;
    }

    public static long Integer(Dictionary<string, RespValue> map, string name) => map.TryGetValue(name, out var value) && !value.IsNull ? value.AsInt64() : 0;

    public static long? NullableInteger(Dictionary<string, RespValue> map, string name) => map.TryGetValue(name, out var value) && !value.IsNull ? value.AsInt64() : null;

    public static string? String(Dictionary<string, RespValue> map, string name) => map.TryGetValue(name, out var value) ? NullableText(value) : null;

    public static string Describe(RespValue value) => value.IsAggregate ? value.ToString() : Encoding.UTF8.GetString(value.Bytes.Span);
}
