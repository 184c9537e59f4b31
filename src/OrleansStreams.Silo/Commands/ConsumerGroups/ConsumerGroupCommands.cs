using OrleansStreams.Silo.Commands.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// The consumer-group commands and XINFO. Redis does not count consumer-group state as part of the key: XREADGROUP,
/// XACK, XCLAIM, XAUTOCLAIM and XGROUP leave WATCHes on the stream intact (checked against redis-server), so they
/// are writes that keep watches; XGROUP CREATE MKSTREAM marks the key it creates itself.
/// </summary>
public static class ConsumerGroupCommands
{
    private const CommandFlags GroupWrite = CommandFlags.Write | CommandFlags.KeepsWatches;

    public static CommandTableBuilder AddConsumerGroupCommands(this CommandTableBuilder builder) => builder
        // Keys follow STREAMS (movable keys), so the key spec is empty, as in Redis's command table.
        .Add("xreadgroup", -7, GroupWrite | CommandFlags.Blocking, 0, 0, 0, XReadGroupCommand.ExecuteAsync)
        .Add("xack", -4, GroupWrite | CommandFlags.Fast, 1, 1, 1, XAckCommand.ExecuteAsync)
        .Add("xpending", -3, CommandFlags.ReadOnly, 1, 1, 1, XPendingCommand.ExecuteAsync)
        .Add("xclaim", -6, GroupWrite | CommandFlags.Fast, 1, 1, 1, XClaimCommand.ExecuteAsync)
        .Add("xautoclaim", -6, GroupWrite | CommandFlags.Fast, 1, 1, 1, XAutoClaimCommand.ExecuteAsync)
        .AddContainer("xgroup", -2, CommandFlags.None, AddGroupSubcommands)
        .AddContainer("xinfo", -2, CommandFlags.None, XInfoCommands.AddSubcommands)
        // Extension (a new name, not in Redis): idle-claim sweeps and dead letters per group.
        .AddContainer("xgrouppolicy", -2, CommandFlags.None, XGroupPolicyCommands.AddSubcommands);

    private static void AddGroupSubcommands(SubcommandBuilder builder) => builder
        .Add("create", -5, GroupWrite, 2, 2, 1, XGroupCreateCommand.ExecuteAsync)
        .Add("setid", -5, GroupWrite, 2, 2, 1, XGroupSetIdCommand.ExecuteAsync)
        .Add("destroy", 4, GroupWrite, 2, 2, 1, XGroupDestroyCommand.ExecuteAsync)
        .Add("createconsumer", 5, GroupWrite, 2, 2, 1, XGroupCreateConsumerCommand.ExecuteAsync)
        .Add("delconsumer", 5, GroupWrite, 2, 2, 1, XGroupDelConsumerCommand.ExecuteAsync)
        .Add("help", 2, CommandFlags.None, 0, 0, 0, XGroupHelpCommand.ExecuteAsync);
}
