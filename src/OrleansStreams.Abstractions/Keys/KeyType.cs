namespace OrleansStreams.Keys;

/// <summary>The Redis type a key holds; each type is served by its own grain type.</summary>
public enum KeyType
{
    None,
    String,
    Hash,
    Stream,
}
