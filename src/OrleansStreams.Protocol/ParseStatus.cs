namespace OrleansStreams.Protocol;

public enum ParseStatus
{
    /// <summary>A whole command was parsed (it may be empty: skip it).</summary>
    Complete,

    /// <summary>More bytes are needed; nothing was consumed.</summary>
    NeedMoreData,

    /// <summary>The request breaks the protocol: reply with the error and close the connection, as Redis does.</summary>
    ProtocolError,
}
