namespace OrleansStreams.Strings;

/// <summary>A read of a key that may hold another type: when <see cref="WrongType"/> is set, Value is default.</summary>
public readonly record struct KeyRead<T>(bool WrongType, T Value)
{
    public static KeyRead<T> OtherType => new(true, default!);
}
