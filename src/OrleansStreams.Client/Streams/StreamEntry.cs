namespace OrleansStreams.Client;

/// <summary>A stream entry: its ID and fields in the order they were added.</summary>
public sealed record StreamEntry(string Id, IReadOnlyList<StreamField> Fields)
{
    /// <summary>
    /// True when a group's history names an entry that was deleted from the stream after delivery
    /// (XREADGROUP with an ID other than "&gt;" replies with the ID and no fields).
    /// </summary>
    public bool IsDeleted { get; init; }

    /// <summary>The value of the first field with this name.</summary>
    public bool TryGetValue(string name, out StreamValue value)
    {
        var wanted = new StreamValue(name);
        foreach (var field in Fields)
        {
            if (field.Name == wanted)
            {
                value = field.Value;
                return true;
            }
        }
        value = default;
        return false;
    }

    /// <summary>The first field with this name as UTF-8 text, or null.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value.ToString() : null;
}
