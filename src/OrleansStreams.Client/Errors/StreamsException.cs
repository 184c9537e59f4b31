namespace OrleansStreams.Client;

/// <summary>Base of every failure the client reports.</summary>
public class StreamsException : Exception
{
    public StreamsException(string message) : base(message)
    {
    }

    public StreamsException(string message, Exception? inner) : base(message, inner)
    {
    }
}
