using OrleansStreams.Silo.Commands.ConsumerGroups;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>XINFO HELP (Redis's own text, its unbalanced bracket included).</summary>
public static class XInfoHelpCommand
{
    private static readonly string[] Lines =
    [
        "CONSUMERS <key> <groupname>",
        "    Show consumers of <groupname>.",
        "GROUPS <key>",
        "    Show the stream consumer groups.",
        "STREAM <key> [FULL [COUNT <count>]",
        "    Show information about the stream.",
    ];

    public static ValueTask ExecuteAsync(CommandContext context)
    {
        HelpReply.Write(context.Reply, "XINFO", Lines);
        return ValueTask.CompletedTask;
    }
}
