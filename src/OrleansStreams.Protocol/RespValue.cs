using System.Globalization;
using System.Text;

namespace OrleansStreams.Protocol;

/// <summary>
/// One decoded RESP reply. Strings keep their exact bytes (replies are binary-safe); aggregates hold their items,
/// maps as keys and values alternately, so RESP2 flat arrays and RESP3 maps read the same way.
/// </summary>
public sealed class RespValue
{
    private static readonly RespValue[] NoItems = [];

    private readonly byte[]? _bytes;
    private readonly RespValue[] _items;

    private RespValue(RespValueKind kind, byte[]? bytes, long integer, RespValue[] items)
    {
        Kind = kind;
        _bytes = bytes;
        Integer = integer;
        _items = items;
    }

    public static RespValue Null { get; } = new(RespValueKind.Null, null, 0, NoItems);

    public static RespValue Ok { get; } = SimpleString("OK"u8);

    public RespValueKind Kind { get; }

    /// <summary>The value of an integer or boolean reply (0 for other kinds).</summary>
    public long Integer { get; }

    /// <summary>The items of an array, map, set or push reply; empty for other kinds.</summary>
    public IReadOnlyList<RespValue> Items => _items;

    /// <summary>The payload of a string, error, double or big number reply; empty for other kinds.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    public bool IsNull => Kind == RespValueKind.Null;

    public bool IsError => Kind == RespValueKind.Error;

    public bool IsAggregate => Kind is RespValueKind.Array or RespValueKind.Map or RespValueKind.Set or RespValueKind.Push;

    /// <summary>True for the simple string "OK".</summary>
    public bool IsOk => Kind == RespValueKind.SimpleString && _bytes is not null && _bytes.AsSpan().SequenceEqual("OK"u8);

    public static RespValue SimpleString(ReadOnlySpan<byte> text) => new(RespValueKind.SimpleString, text.ToArray(), 0, NoItems);

    public static RespValue Error(string message) => new(RespValueKind.Error, Encoding.UTF8.GetBytes(message), 0, NoItems);

    public static RespValue FromInteger(long value) => new(RespValueKind.Integer, null, value, NoItems);

    public static RespValue Bulk(ReadOnlySpan<byte> value) => new(RespValueKind.BulkString, value.ToArray(), 0, NoItems);

    public static RespValue Aggregate(RespValueKind kind, RespValue[] items)
    {
        if (kind is not (RespValueKind.Array or RespValueKind.Map or RespValueKind.Set or RespValueKind.Push))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an aggregate kind.");
        }
        return new RespValue(kind, null, items.Length, items);
    }

    internal static RespValue Create(RespValueKind kind, byte[]? bytes, long integer) => new(kind, bytes, integer, NoItems);

    /// <summary>The payload as UTF-8 text; null for a null reply; the number for integers.</summary>
    public string? AsString() => Kind switch
    {
        RespValueKind.Null => null,
        RespValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        RespValueKind.Boolean => Integer != 0 ? "true" : "false",
        _ when _bytes is not null => Encoding.UTF8.GetString(_bytes),
        _ => null,
    };

    /// <summary>A copy of the payload bytes; null for a null reply.</summary>
    public byte[]? AsBytes() => Kind == RespValueKind.Null ? null : (_bytes ?? []).ToArray();

    /// <summary>The reply as a number: an integer, or a string holding a decimal integer.</summary>
    public long AsInt64()
    {
        if (Kind is RespValueKind.Integer or RespValueKind.Boolean) return Integer;
        if (_bytes is not null && long.TryParse(_bytes, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)) return value;
        throw new InvalidCastException($"A {Kind} reply is not an integer: {this}.");
    }

    public double AsDouble()
    {
        if (Kind is RespValueKind.Integer) return Integer;
        if (_bytes is not null && double.TryParse(Encoding.ASCII.GetString(_bytes), NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
        throw new InvalidCastException($"A {Kind} reply is not a number: {this}.");
    }

    public override string ToString() => Kind switch
    {
        RespValueKind.Null => "(nil)",
        RespValueKind.Error => "(error) " + AsString(),
        RespValueKind.Integer => "(integer) " + Integer.ToString(CultureInfo.InvariantCulture),
        _ when IsAggregate => "[" + string.Join(", ", _items.Select(item => item.ToString())) + "]",
        _ => AsString() ?? "",
    };
}
