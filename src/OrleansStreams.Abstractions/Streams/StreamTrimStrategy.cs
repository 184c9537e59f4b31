namespace OrleansStreams.Streams;

public enum StreamTrimStrategy
{
    None,
    MaxLen,
    MinId,
}
