namespace OrleansStreams.Strings;

public enum StringSetStatus
{
    Set,

    /// <summary>NX or XX did not hold.</summary>
    NotSet,

    /// <summary>SET ... GET found a key of another type.</summary>
    WrongType,

    /// <summary>A key of another type is in the way: the caller deletes it through its owner and retries.</summary>
    HeldByOtherType,
}
