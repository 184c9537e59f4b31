namespace OrleansStreams.Client;

/// <summary>No reply (or no connection) within the command timeout. The command may still run on the server.</summary>
public sealed class StreamsTimeoutException : TimeoutException
{
    public StreamsTimeoutException(string message, Exception? inner = null) : base(message, inner)
    {
    }
}
