using System.Globalization;
using System.Text;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// A raw RESP reply parsed into a tree, so tests can read values out of it and blank out the few values that depend
/// on each server's clock (idle times, seen times) before comparing the rest byte for byte.
/// </summary>
public sealed class RespNode
{
    private readonly bool _null;

    private RespNode(char type, string text, List<RespNode>? items, bool isNull = false)
    {
        Type = type;
        Text = text;
        Items = items;
        _null = isNull;
    }

    /// <summary>The RESP type byte: '+', '-', ':', '$', '*', '%', '_' ...</summary>
    public char Type { get; private set; }

    /// <summary>The line after the type byte for simple values; the content for bulk strings.</summary>
    public string Text { get; private set; }

    /// <summary>Children of aggregates; a RESP3 map lists key, value, key, value.</summary>
    public List<RespNode>? Items { get; }

    /// <summary>RESP3 null, or RESP2's null bulk string and null array.</summary>
    public bool IsNull => Type == '_' || _null;

    public RespNode this[int index] => Items![index];

    public long Integer => long.Parse(Text, CultureInfo.InvariantCulture);

    public static RespNode Parse(string raw)
    {
        var position = 0;
        var node = Read(raw, ref position);
        if (position != raw.Length) throw new FormatException($"Trailing data after the reply: {raw[position..]}");
        return node;
    }

    /// <summary>The value paired with <paramref name="key"/> in a map (RESP3) or a flattened map (RESP2).</summary>
    public RespNode Field(string key)
    {
        var items = Items ?? throw new InvalidOperationException("Not an aggregate.");
        for (var i = 0; i + 1 < items.Count; i += 2)
        {
            if (items[i].Type == '$' && items[i].Text == key) return items[i + 1];
        }
        throw new KeyNotFoundException($"No field '{key}' in {this}");
    }

    /// <summary>
    /// Walks the whole tree: in every map (or flattened map), removes the pairs named in <paramref name="drop"/> and
    /// replaces the values named in <paramref name="mask"/> with a placeholder. Returns this node.
    /// </summary>
    public RespNode Normalize(IReadOnlyCollection<string> mask, IReadOnlyCollection<string> drop)
    {
        if (Items is null) return this;
        for (var i = 0; i + 1 < Items.Count; i += 2)
        {
            if (Items[i].Type != '$') continue;
            if (drop.Contains(Items[i].Text))
            {
                Items.RemoveRange(i, 2);
                i -= 2;
            }
            else if (mask.Contains(Items[i].Text) && Items[i + 1].Type == ':')
            {
                Items[i + 1].Text = "<masked>";
            }
        }
        foreach (var item in Items) item.Normalize(mask, drop);
        return this;
    }

    /// <summary>Replaces every integer at <paramref name="index"/> of the arrays that <paramref name="select"/> picks.</summary>
    public RespNode MaskArrayItems(Func<RespNode, bool> select, int index)
    {
        if (Items is null) return this;
        if (select(this) && index < Items.Count && Items[index].Type == ':') Items[index].Text = "<masked>";
        foreach (var item in Items) item.MaskArrayItems(select, index);
        return this;
    }

    /// <summary>Back to RESP text; aggregate lengths follow the children, so removed pairs show.</summary>
    public override string ToString()
    {
        var builder = new StringBuilder();
        Write(builder);
        return builder.ToString();
    }

    private void Write(StringBuilder builder)
    {
        if (_null)
        {
            builder.Append(Type).Append("-1\r\n");
            return;
        }
        if (Items is null)
        {
            if (Type is '$' or '=' or '!')
            {
                builder.Append(Type).Append(Encoding.Latin1.GetByteCount(Text)).Append("\r\n").Append(Text).Append("\r\n");
            }
            else
            {
                builder.Append(Type).Append(Text).Append("\r\n");
            }
            return;
        }
        var count = Type == '%' ? Items.Count / 2 : Items.Count;
        builder.Append(Type).Append(count).Append("\r\n");
        foreach (var item in Items) item.Write(builder);
    }

    private static RespNode Read(string raw, ref int position)
    {
        var end = raw.IndexOf("\r\n", position, StringComparison.Ordinal);
        var type = raw[position];
        var line = raw[(position + 1)..end];
        position = end + 2;
        switch (type)
        {
            case '$' or '=' or '!':
                var length = int.Parse(line, CultureInfo.InvariantCulture);
                if (length < 0) return new RespNode(type, "", null, isNull: true);
                var content = raw.Substring(position, length);
                position += length + 2;
                return new RespNode(type, content, null);
            case '*' or '~' or '>' or '%' or '|':
                var count = int.Parse(line, CultureInfo.InvariantCulture);
                if (count < 0) return new RespNode(type, "", null, isNull: true);
                if (type is '%' or '|') count *= 2;
                var items = new List<RespNode>(count);
                for (var i = 0; i < count; i++) items.Add(Read(raw, ref position));
                return new RespNode(type, "", items);
            default:
                return new RespNode(type, line, null);
        }
    }
}
