namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XINFO's subcommands, with Redis's arities (the whole command counted) and key specs.</summary>
public static class XInfoCommands
{
    public static void AddSubcommands(SubcommandBuilder builder) => builder
        .Add("stream", -3, CommandFlags.ReadOnly, 2, 2, 1, XInfoStreamCommand.ExecuteAsync)
        .Add("groups", 3, CommandFlags.ReadOnly, 2, 2, 1, XInfoGroupsCommand.ExecuteAsync)
        .Add("consumers", 4, CommandFlags.ReadOnly, 2, 2, 1, XInfoConsumersCommand.ExecuteAsync)
        .Add("help", 2, CommandFlags.None, 0, 0, 0, XInfoHelpCommand.ExecuteAsync);
}
