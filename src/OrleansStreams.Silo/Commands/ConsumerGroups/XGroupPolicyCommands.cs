namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>
/// XGROUPPOLICY SET|GET|DEL key group: an extension (not in Redis) for idle-claim sweeps and dead letters. Like
/// XGROUP, it changes consumer-group state only, so WATCHes on the stream survive it.
/// </summary>
public static class XGroupPolicyCommands
{
    private const CommandFlags GroupWrite = CommandFlags.Write | CommandFlags.KeepsWatches;

    public static void AddSubcommands(SubcommandBuilder builder) => builder
        .Add("set", -4, GroupWrite, 2, 2, 1, XGroupPolicySetCommand.ExecuteAsync)
        .Add("get", 4, CommandFlags.ReadOnly, 2, 2, 1, XGroupPolicyGetCommand.ExecuteAsync)
        .Add("del", 4, GroupWrite, 2, 2, 1, XGroupPolicyDelCommand.ExecuteAsync)
        .Add("help", 2, CommandFlags.None, 0, 0, 0, XGroupPolicyHelpCommand.ExecuteAsync);
}
