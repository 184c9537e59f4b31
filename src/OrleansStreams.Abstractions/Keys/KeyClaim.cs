namespace OrleansStreams.Keys;

/// <summary>
/// The outcome of claiming a key for a type. <see cref="Generation"/> numbers each life of a key: a grain that
/// finds its stored generation differs from the keyspace's knows its state belongs to a deleted incarnation.
/// </summary>
public readonly record struct KeyClaim(bool Succeeded, KeyType ExistingType, long Generation, bool Created);
