namespace OrleansStreams.Client;

/// <summary>The connection failed or closed before the reply arrived.</summary>
public sealed class StreamsConnectionException : StreamsException
{
    public StreamsConnectionException(string message, bool commandWasSent, Exception? inner = null) : base(message, inner)
    {
        CommandWasSent = commandWasSent;
    }

    /// <summary>
    /// False when the command never left the client, so it certainly did not run; true when it was sent and may
    /// or may not have run on the server.
    /// </summary>
    public bool CommandWasSent { get; }
}
