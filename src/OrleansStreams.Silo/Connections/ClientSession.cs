using System.Net;
using OrleansStreams.Protocol;

namespace OrleansStreams.Silo.Connections;

/// <summary>Everything the server knows about one client connection.</summary>
public sealed class ClientSession(long id, EndPoint? remoteEndPoint, long connectedAtMs)
{
    public long Id { get; } = id;

    public EndPoint? RemoteEndPoint { get; } = remoteEndPoint;

    public long ConnectedAtMs { get; } = connectedAtMs;

    public string? Name { get; set; }

    public string? LibraryName { get; set; }

    public string? LibraryVersion { get; set; }

    /// <summary>2 or 3, as chosen with HELLO.</summary>
    public int Protocol { get; set; } = 2;

    public bool Authenticated { get; set; }

    public string LastCommand { get; set; } = "NULL";

    public long LastInteractionMs { get; set; }

    /// <summary>Set by QUIT (or a fatal error): close after the reply is flushed.</summary>
    public bool CloseRequested { get; set; }

    /// <summary>Inside MULTI: the queued commands.</summary>
    public List<CommandArguments>? Queued { get; set; }

    public bool InMulti => Queued is not null;

    /// <summary>A command inside MULTI was rejected, so EXEC must abort.</summary>
    public bool TransactionFailed { get; set; }

    /// <summary>WATCHed keys with the version each had when watched.</summary>
    public Dictionary<string, long> Watched { get; } = new(StringComparer.Ordinal);

    /// <summary>The client is waiting in a blocking command.</summary>
    public bool Blocked { get; set; }
}
