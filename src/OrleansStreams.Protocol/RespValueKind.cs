namespace OrleansStreams.Protocol;

/// <summary>The RESP2/RESP3 reply types a <see cref="RespValue"/> can hold.</summary>
public enum RespValueKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Null,
    Array,
    /// <summary>RESP3 map (%); its items are keys and values alternately.</summary>
    Map,
    /// <summary>RESP3 set (~).</summary>
    Set,
    /// <summary>RESP3 push (&gt;), an out-of-band message.</summary>
    Push,
    /// <summary>RESP3 double (,); the text is kept as sent.</summary>
    Double,
    /// <summary>RESP3 boolean (#); <see cref="RespValue.Integer"/> is 1 or 0.</summary>
    Boolean,
    /// <summary>RESP3 big number ((); the digits are kept as text.</summary>
    BigNumber,
    /// <summary>RESP3 verbatim string (=); the bytes exclude the "txt:" format prefix.</summary>
    VerbatimString,
}
