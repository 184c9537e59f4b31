namespace OrleansStreams.Client;

public enum StreamTrimStrategy
{
    MaxLen,
    MinId,
}
