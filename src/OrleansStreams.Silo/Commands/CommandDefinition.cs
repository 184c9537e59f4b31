namespace OrleansStreams.Silo.Commands;

/// <summary>
/// One entry of the command table: the lower-case name, Redis's arity (negative = at least), flags, the key spec
/// used by WATCH and COMMAND (first key, last key where -1 is the last argument, step), and either a handler or
/// subcommands (container commands such as XGROUP dispatch on argument 1).
/// </summary>
public sealed record CommandDefinition(string Name, int Arity, CommandFlags Flags, int FirstKey, int LastKey, int Step, CommandHandler? Handler)
{
    public IReadOnlyDictionary<string, CommandDefinition>? Subcommands { get; init; }

    /// <summary>The name used in arity errors: "xadd" or "xgroup|create".</summary>
    public string FullName { get; init; } = Name;

    public bool HasFlag(CommandFlags flag) => (Flags & flag) != 0;

    public bool ArityMatches(int count) => Arity >= 0 ? count == Arity : count >= -Arity;
}
