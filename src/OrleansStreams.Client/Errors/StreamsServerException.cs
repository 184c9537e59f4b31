namespace OrleansStreams.Client;

/// <summary>The server replied with an error; <see cref="Exception.Message"/> is its exact text.</summary>
public sealed class StreamsServerException : StreamsException
{
    public StreamsServerException(string message) : base(message)
    {
        var space = message.IndexOf(' ');
        ErrorCode = space < 0 ? message : message[..space];
    }

    /// <summary>The error's first word, as Redis uses it for a code: ERR, WRONGTYPE, NOGROUP, BUSYGROUP, VERSIONMISMATCH.</summary>
    public string ErrorCode { get; }
}
