namespace OrleansStreams.Grains.Strings;

/// <summary>
/// Kinds of the string grain's journal records. Value: generation, expiry, value (the whole state, also used as the
/// snapshot). Expiry: the new expiry (0 = none). Numbers are part of the storage format: never reuse one.
/// </summary>
internal static class StringRecordKind
{
    public const byte Value = 1;
    public const byte Expiry = 2;
}
