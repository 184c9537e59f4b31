namespace OrleansStreams.Streams;

public enum StreamAddStatus
{
    Added,

    /// <summary>NOMKSTREAM on a missing key: nothing was created (the reply is a null bulk).</summary>
    NoStream,

    WrongType,

    /// <summary>The stream's last ID is already the maximum ID.</summary>
    IdExhausted,

    /// <summary>The ID is not greater than the stream's last ID.</summary>
    IdNotGreater,

    /// <summary>The fields and values together exceed 1 GiB.</summary>
    TooLarge,

    /// <summary>XADDIF: the stream's version (entries added) is not the expected one; nothing was added.</summary>
    VersionMismatch,
}
