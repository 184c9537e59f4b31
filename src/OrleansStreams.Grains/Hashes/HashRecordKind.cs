namespace OrleansStreams.Grains.Hashes;

/// <summary>
/// Kinds of the hash grain's journal records. Numbers are part of the storage format: never reuse one.
/// </summary>
internal static class HashRecordKind
{
    /// <summary>A new life of the key: generation; clears fields and expiry.</summary>
    public const byte Claim = 1;

    /// <summary>Field name, value.</summary>
    public const byte SetField = 2;

    /// <summary>Field name.</summary>
    public const byte DeleteField = 3;

    /// <summary>The new expiry, 0 for none.</summary>
    public const byte Expiry = 4;

    /// <summary>Generation, expiry, field count, then name and value per field.</summary>
    public const byte Snapshot = 5;
}
