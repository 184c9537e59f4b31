namespace OrleansStreams.Grains.Keyspace;

/// <summary>The life of a key a journal describes: its generation and expiry (Unix ms, 0 for none).</summary>
public readonly record struct KeyOwnership(long Generation, long ExpiresAtMs);
