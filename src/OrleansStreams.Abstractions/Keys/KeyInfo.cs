namespace OrleansStreams.Keys;

/// <summary>A live key as the keyspace sees it. ExpiresAtMs is a Unix time in ms, or 0 when the key does not expire.</summary>
public readonly record struct KeyInfo(string Key, KeyType Type, long Generation, long ExpiresAtMs);
