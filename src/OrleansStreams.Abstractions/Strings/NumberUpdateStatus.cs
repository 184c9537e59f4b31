namespace OrleansStreams.Strings;

public enum NumberUpdateStatus
{
    Ok,
    WrongType,

    /// <summary>The stored value is not an integer (INCR) or not a float (INCRBYFLOAT).</summary>
    NotANumber,

    /// <summary>The integer result overflows, or the float result is NaN or infinite.</summary>
    Overflow,
}
