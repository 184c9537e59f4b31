namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUP HELP</summary>
public static class XGroupHelpCommand
{
    private static readonly string[] Lines =
    [
        "CREATE <key> <groupname> <id|$> [option]",
        "    Create a new consumer group. Options are:",
        "    * MKSTREAM",
        "      Create the empty stream if it does not exist.",
        "    * ENTRIESREAD entries_read",
        "      Set the group's entries_read counter (internal use).",
        "CREATECONSUMER <key> <groupname> <consumer>",
        "    Create a new consumer in the specified group.",
        "DELCONSUMER <key> <groupname> <consumer>",
        "    Remove the specified consumer.",
        "DESTROY <key> <groupname>",
        "    Remove the specified group.",
        "SETID <key> <groupname> <id|$> [ENTRIESREAD entries_read]",
        "    Set the current group ID and entries_read counter.",
    ];

    public static ValueTask ExecuteAsync(CommandContext context)
    {
        HelpReply.Write(context.Reply, "XGROUP", Lines);
        return ValueTask.CompletedTask;
    }
}
