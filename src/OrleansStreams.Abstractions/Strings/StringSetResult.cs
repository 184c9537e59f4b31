using OrleansStreams.Keys;

namespace OrleansStreams.Strings;

/// <summary>The outcome of SET; <see cref="OldValue"/> is the previous string (SET ... GET), <see cref="OtherType"/> the type in the way.</summary>
public readonly record struct StringSetResult(StringSetStatus Status, byte[]? OldValue, KeyType OtherType = KeyType.None);
