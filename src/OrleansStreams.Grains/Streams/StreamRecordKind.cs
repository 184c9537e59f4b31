namespace OrleansStreams.Grains.Streams;

/// <summary>The kinds of stream journal records. Stored on disk: never renumber.</summary>
internal static class StreamRecordKind
{
    /// <summary>A new life of the key: generation. Whatever came before no longer applies.</summary>
    public const byte Claim = 1;

    /// <summary>XADD: ID, pair count, the items, then a trim marker (and its ID) when the append trimmed.</summary>
    public const byte Add = 2;

    /// <summary>XTRIM: a trim marker and its ID.</summary>
    public const byte Trim = 3;

    /// <summary>XDEL: the IDs given.</summary>
    public const byte Delete = 4;

    /// <summary>XSETID: last ID, entries added + 1 (0 = unchanged), max deleted ID.</summary>
    public const byte SetId = 5;

    /// <summary>XGROUP CREATE: name and stamp (the new groups generation).</summary>
    public const byte GroupCreate = 6;

    /// <summary>XGROUP DESTROY: name and the new groups generation.</summary>
    public const byte GroupDestroy = 7;

    /// <summary>EXPIRE / PERSIST: Unix ms, 0 for none.</summary>
    public const byte Expiry = 8;

    /// <summary>The whole state (only as the journal's snapshot).</summary>
    public const byte Snapshot = 9;

    /// <summary>Trim markers: nothing was trimmed; everything below an ID was; everything was.</summary>
    public const byte TrimNone = 0;
    public const byte TrimBefore = 1;
    public const byte TrimAll = 2;
}
