namespace OrleansStreams.Client;

/// <summary>One field of a stream entry.</summary>
public readonly record struct StreamField(StreamValue Name, StreamValue Value)
{
    public static implicit operator StreamField((string Name, string Value) field) => new(field.Name, field.Value);

    public override string ToString() => $"{Name}={Value}";
}
