using System.Text;

namespace OrleansStreams.Benchmarks.Resp;

/// <summary>A decoded reply for set-up and checks (XGROUP CREATE, XLEN, INFO); hot loops read raw tokens instead.</summary>
public sealed record RespReply(RespTokenKind Kind, string? Text, long Integer, IReadOnlyList<RespReply> Items)
{
    public bool IsError => Kind == RespTokenKind.Error;

    public static RespReply Parse(ReadOnlySpan<byte> reply)
    {
        var reader = new RespReader(reply);
        return Read(ref reader);
    }

    public static RespReply Read(ref RespReader reader)
    {
        if (!reader.TryRead(out var kind, out var number, out var payload))
        {
            throw new InvalidDataException("Incomplete RESP reply.");
        }
        if (kind is RespTokenKind.Array or RespTokenKind.Map)
        {
            var items = new RespReply[number];
            for (var i = 0; i < items.Length; i++) items[i] = Read(ref reader);
            return new RespReply(kind, null, number, items);
        }
        return new RespReply(kind, kind == RespTokenKind.Null ? null : Encoding.Latin1.GetString(payload), number, []);
    }

    public override string ToString() => Kind switch
    {
        RespTokenKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RespTokenKind.Null => "(nil)",
        RespTokenKind.Array or RespTokenKind.Map => $"[{string.Join(", ", Items)}]",
        _ => Text ?? "",
    };
}
