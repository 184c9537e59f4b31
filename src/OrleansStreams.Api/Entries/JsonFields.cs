using System.Text.Json.Serialization;

namespace OrleansStreams.Api.Entries;

/// <summary>
/// An entry's field-value pairs as they travel in JSON, in the entry's order. Written as an object
/// (<c>{"item":"widget"}</c>); an entry that repeats a field name, which Redis allows, is written as an array of
/// <c>[name, value]</c> pairs so that nothing is dropped. Both forms are accepted on input.
/// </summary>
[JsonConverter(typeof(JsonFieldsConverter))]
public sealed class JsonFields(IReadOnlyList<KeyValuePair<string, string>> pairs)
{
    public IReadOnlyList<KeyValuePair<string, string>> Pairs { get; } = pairs;

    public int Count => Pairs.Count;
}
