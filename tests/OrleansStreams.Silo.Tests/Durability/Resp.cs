using System.Globalization;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>
/// Parses the raw reply text of <see cref="Infrastructure.RawRespClient"/> into plain values: a string for bulk and
/// simple strings, long for integers, null for nil, a list for arrays and maps (flattened key, value, ...), and
/// <see cref="RespError"/> for errors.
/// </summary>
public static class Resp
{
    public static object? Parse(string raw)
    {
        var position = 0;
        var value = Read(raw, ref position);
        if (position != raw.Length) throw new FormatException($"Trailing bytes after a reply: {raw[position..]}");
        return value;
    }

    public static List<object?> Array(string raw) => Parse(raw) as List<object?> ?? throw new FormatException($"Not an array: {raw}");

    public static string Bulk(string raw) => Parse(raw) as string ?? throw new FormatException($"Not a string: {raw}");

    public static long Integer(string raw) => Parse(raw) is long value ? value : throw new FormatException($"Not an integer: {raw}");

    /// <summary>Entries of an XRANGE / XREADGROUP stream reply: (ID, "field=value,...") pairs.</summary>
    public static List<(string Id, string Fields)> Entries(object? entries)
    {
        var result = new List<(string, string)>();
        if (entries is not List<object?> list) return result;
        foreach (var item in list)
        {
            var entry = (List<object?>)item!;
            var fields = entry[1] is List<object?> pairs ? string.Join(',', pairs.Chunk(2).Select(p => $"{p[0]}={p[1]}")) : "";
            result.Add(((string)entry[0]!, fields));
        }
        return result;
    }

    private static object? Read(string raw, ref int position)
    {
        var end = raw.IndexOf("\r\n", position, StringComparison.Ordinal);
        if (end < 0) throw new FormatException("An incomplete reply.");
        var type = raw[position];
        var line = raw[(position + 1)..end];
        position = end + 2;
        switch (type)
        {
            case '+':
                return line;
            case '-':
                return new RespError(line);
            case ':':
                return long.Parse(line, CultureInfo.InvariantCulture);
            case '$':
                var length = int.Parse(line, CultureInfo.InvariantCulture);
                if (length < 0) return null;
                var text = raw.Substring(position, length);
                position += length + 2;
                return text;
            case '_':
                return null;
            case '*' or '%':
                var count = int.Parse(line, CultureInfo.InvariantCulture);
                if (count < 0) return null;
                if (type == '%') count *= 2;
                var items = new List<object?>(count);
                for (var i = 0; i < count; i++) items.Add(Read(raw, ref position));
                return items;
            default:
                throw new FormatException($"Unexpected reply type '{type}'.");
        }
    }
}
