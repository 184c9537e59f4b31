using OrleansStreams.GrainHost;
using OrleansStreams.Protocol;
using OrleansStreams.Silo.Connections;

namespace OrleansStreams.Silo.Commands;

/// <summary>One command being executed: its arguments, where its reply goes, and who sent it.</summary>
public sealed class CommandContext(SiloServices services, ClientSession client, RespWriter reply, CancellationToken aborted)
{
    public SiloServices Services { get; } = services;

    public ClientSession Client { get; } = client;

    public RespWriter Reply { get; } = reply;

    /// <summary>Fires when the client disconnects or the server stops: blocking commands stop waiting.</summary>
    public CancellationToken Aborted { get; } = aborted;

    public CommandArguments Args { get; internal set; } = new();

    public CommandDefinition Definition { get; internal set; } = null!;

    /// <summary>True while EXEC runs queued commands: blocking commands must answer at once.</summary>
    public bool InTransaction { get; internal set; }

    /// <summary>The clock reading for this command; every step of one command (and of one EXEC) sees the same now.</summary>
    public long NowMs { get; internal set; }

    public IGrainFactory Grains => Services.Grains;

    /// <summary>Invalidates WATCHes on a key that a handler changed outside the table's key spec.</summary>
    public void MarkModified(string key) => Services.Watches.Touch(key);

    public void WrongArity() => Reply.WriteError($"ERR wrong number of arguments for '{Definition.FullName}' command");
}
