using OrleansStreams.Protocol;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>Redis's addReplyHelp: a header line, the command's lines, then HELP, all as simple strings (7.2+ wording).</summary>
public static class HelpReply
{
    public static void Write(RespWriter reply, string command, IReadOnlyList<string> lines)
    {
        reply.WriteArrayHeader(lines.Count + 3);
        reply.WriteSimpleString($"{command} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:");
        foreach (var line in lines) reply.WriteSimpleString(line);
        reply.WriteSimpleString("HELP"u8);
        reply.WriteSimpleString("    Print this help."u8);
    }
}
