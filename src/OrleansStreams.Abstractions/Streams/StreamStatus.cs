namespace OrleansStreams.Streams;

/// <summary>The outcome shared by stream calls that need nothing more specific.</summary>
public enum StreamStatus
{
    Ok,
    NoKey,
    WrongType,
}
