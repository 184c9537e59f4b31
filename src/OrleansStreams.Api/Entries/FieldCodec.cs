using System.Text;
using OrleansStreams.Api.Problems;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Entries;

/// <summary>Turns JSON field text into the bytes the silo stores, and back.</summary>
public static class FieldCodec
{
    public static StreamField[] Decode(JsonFields? fields, FieldEncoding encoding)
    {
        if (fields is null || fields.Count == 0) throw new ApiRequestException("An entry needs at least one field.");
        var decoded = new StreamField[fields.Count];
        for (var i = 0; i < decoded.Length; i++)
        {
            var pair = fields.Pairs[i];
            decoded[i] = new StreamField(DecodeText(pair.Key, encoding), DecodeText(pair.Value, encoding));
        }
        return decoded;
    }

    /// <summary>
    /// UTF-8 text when asked for and every name and value is valid UTF-8; otherwise base64, which the entry's
    /// <c>encoding</c> then says, so bytes are never replaced.
    /// </summary>
    public static (JsonFields Fields, FieldEncoding Encoding) Encode(IReadOnlyList<StreamField> fields, FieldEncoding requested)
    {
        var encoding = requested == FieldEncoding.Utf8 && AllText(fields) ? FieldEncoding.Utf8 : FieldEncoding.Base64;
        var pairs = new List<KeyValuePair<string, string>>(fields.Count);
        foreach (var field in fields)
        {
            pairs.Add(new(EncodeText(field.Name.Span, encoding), EncodeText(field.Value.Span, encoding)));
        }
        return (new JsonFields(pairs), encoding);
    }

    public static byte[] DecodeText(string text, FieldEncoding encoding)
    {
        if (encoding == FieldEncoding.Utf8) return Encoding.UTF8.GetBytes(text);
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new ApiRequestException($"'{Shorten(text)}' is not valid base64, and the request says \"encoding\": \"base64\".");
        }
    }

    public static string EncodeText(ReadOnlySpan<byte> bytes, FieldEncoding encoding) =>
        encoding == FieldEncoding.Utf8 ? Encoding.UTF8.GetString(bytes) : Convert.ToBase64String(bytes);

    private static bool AllText(IReadOnlyList<StreamField> fields)
    {
        foreach (var field in fields)
        {
            if (!field.Name.IsText || !field.Value.IsText) return false;
        }
        return true;
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
