namespace OrleansStreams.Silo.Commands;

/// <summary>Collects command definitions; each feature adds its commands with one AddXyzCommands() extension.</summary>
public sealed class CommandTableBuilder
{
    private readonly Dictionary<string, CommandDefinition> _commands = new(StringComparer.OrdinalIgnoreCase);

    public CommandTableBuilder Add(string name, int arity, CommandFlags flags, int firstKey, int lastKey, int step, CommandHandler handler)
    {
        _commands.Add(name, new CommandDefinition(name.ToLowerInvariant(), arity, flags, firstKey, lastKey, step, handler));
        return this;
    }

    /// <summary>A container command whose subcommands each have their own arity, flags and handler.</summary>
    public CommandTableBuilder AddContainer(string name, int arity, CommandFlags flags, Action<SubcommandBuilder> subcommands)
    {
        var builder = new SubcommandBuilder(name.ToLowerInvariant());
        subcommands(builder);
        _commands.Add(name, new CommandDefinition(name.ToLowerInvariant(), arity, flags, 0, 0, 0, null) { Subcommands = builder.Build() });
        return this;
    }

    public CommandTable Build() => new(_commands);
}

public sealed class SubcommandBuilder(string parent)
{
    private readonly Dictionary<string, CommandDefinition> _subcommands = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Arity counts the whole command, as Redis does: XGROUP CREATE is -5.</summary>
    public SubcommandBuilder Add(string name, int arity, CommandFlags flags, int firstKey, int lastKey, int step, CommandHandler handler)
    {
        var lower = name.ToLowerInvariant();
        _subcommands.Add(name, new CommandDefinition(lower, arity, flags, firstKey, lastKey, step, handler) { FullName = $"{parent}|{lower}" });
        return this;
    }

    internal IReadOnlyDictionary<string, CommandDefinition> Build() => _subcommands;
}
