using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OrleansStreams.Api.Entries;

/// <summary>Reads an object or an array of pairs; writes an object unless a name repeats.</summary>
public sealed class JsonFieldsConverter : JsonConverter<JsonFields>
{
    public override JsonFields Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        if (reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = reader.GetString()!;
                reader.Read();
                pairs.Add(new(name, ReadScalar(ref reader, name)));
            }
            return new JsonFields(pairs);
        }
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("fields must be an object of name: value, or an array of [name, value] pairs.");
        }
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartArray) throw new JsonException("each field pair must be an array [name, value].");
            reader.Read();
            var name = ReadScalar(ref reader, "name");
            reader.Read();
            var value = ReadScalar(ref reader, name);
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndArray) throw new JsonException("each field pair must hold exactly a name and a value.");
            pairs.Add(new(name, value));
        }
        return new JsonFields(pairs);
    }

    public override void Write(Utf8JsonWriter writer, JsonFields value, JsonSerializerOptions options)
    {
        if (HasRepeatedName(value.Pairs))
        {
            writer.WriteStartArray();
            foreach (var pair in value.Pairs)
            {
                writer.WriteStartArray();
                writer.WriteStringValue(pair.Key);
                writer.WriteStringValue(pair.Value);
                writer.WriteEndArray();
            }
            writer.WriteEndArray();
            return;
        }
        writer.WriteStartObject();
        foreach (var pair in value.Pairs) writer.WriteString(pair.Key, pair.Value);
        writer.WriteEndObject();
    }

    /// <summary>Values are strings; numbers and booleans are taken as their JSON text, for convenience.</summary>
    private static string ReadScalar(ref Utf8JsonReader reader, string name) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException($"the value of field '{name}' must be a string."),
    };

    private static bool HasRepeatedName(IReadOnlyList<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count < 2) return false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in pairs)
        {
            if (!seen.Add(pair.Key)) return true;
        }
        return false;
    }
}
