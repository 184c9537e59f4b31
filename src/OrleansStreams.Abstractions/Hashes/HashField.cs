namespace OrleansStreams.Hashes;

/// <summary>A field of a hash; the name is a Latin-1 string (one char per byte), the value raw bytes.</summary>
public readonly record struct HashField(string Name, byte[] Value);
