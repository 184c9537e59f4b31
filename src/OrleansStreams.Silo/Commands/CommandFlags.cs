namespace OrleansStreams.Silo.Commands;

[Flags]
public enum CommandFlags
{
    None = 0,

    /// <summary>Changes data: touches WATCHed keys named by the key spec.</summary>
    Write = 1,

    ReadOnly = 2,

    /// <summary>May wait for data: runs outside the execution gate and takes it per attempt.</summary>
    Blocking = 4,

    /// <summary>Allowed before AUTH when a password is set.</summary>
    NoAuth = 8,

    /// <summary>Runs at once even inside MULTI (EXEC, DISCARD, MULTI, WATCH, QUIT).</summary>
    Transaction = 16,

    /// <summary>Runs without the shared execution gate (connection-level commands).</summary>
    NoGate = 32,

    Fast = 64,

    /// <summary>
    /// A write that Redis does not count as a change of its key (consumer-group state: XACK, XCLAIM, XGROUP ...):
    /// WATCHes on the key survive it. A handler that does change the key itself calls MarkModified.
    /// </summary>
    KeepsWatches = 128,
}
