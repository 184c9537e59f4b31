namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUPPOLICY HELP</summary>
public static class XGroupPolicyHelpCommand
{
    private static readonly string[] Lines =
    [
        "SET <key> <groupname> CLAIMIDLE <ms> [MAXDELIVERIES <n> DEADLETTER <key>]",
        "    Make entries pending for <ms> available to the group's next XREADGROUP >;",
        "    an entry delivered <n> times is moved to the dead-letter stream instead.",
        "GET <key> <groupname>",
        "    Show the policy and its counters (reclaimed, dead-lettered).",
        "DEL <key> <groupname>",
        "    Remove the policy: the group behaves as in Redis again.",
    ];

    public static ValueTask ExecuteAsync(CommandContext context)
    {
        HelpReply.Write(context.Reply, "XGROUPPOLICY", Lines);
        return ValueTask.CompletedTask;
    }
}
