namespace OrleansStreams.Silo.Commands.Server;

/// <summary>COMMAND, COMMAND COUNT, COMMAND INFO name..., COMMAND LIST, COMMAND DOCS: enough for redis-cli and client libraries.</summary>
public static class CommandCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        var table = context.Services.Commands;
        var reply = context.Reply;
        if (args.Count == 1)
        {
            reply.WriteArrayHeader(table.Count);
            foreach (var definition in table.All) WriteInfo(context, definition);
        }
        else if (args.Is(1, "COUNT"u8) && args.Count == 2)
        {
            reply.WriteInteger(table.Count);
        }
        else if (args.Is(1, "LIST"u8) && args.Count == 2)
        {
            reply.WriteArrayHeader(table.Count);
            foreach (var definition in table.All) reply.WriteBulk(definition.Name);
        }
        else if (args.Is(1, "INFO"u8))
        {
            reply.WriteArrayHeader(args.Count - 2);
            for (var i = 2; i < args.Count; i++)
            {
                if (table.TryGet(args[i], out var definition)) WriteInfo(context, definition);
                else reply.WriteNullArray();
            }
        }
        else if (args.Is(1, "DOCS"u8))
        {
            // No documentation is served; clients then fall back to their built-in hints.
            reply.WriteMapHeader(0);
        }
        else
        {
            reply.WriteError($"ERR unknown subcommand '{args.Text(1)}'. Try COMMAND HELP.");
        }
        return ValueTask.CompletedTask;
    }

    private static void WriteInfo(CommandContext context, CommandDefinition definition)
    {
        var reply = context.Reply;
        reply.WriteArrayHeader(10);
        reply.WriteBulk(definition.Name);
        reply.WriteInteger(definition.Arity);
        var flags = new List<string>();
        if (definition.HasFlag(CommandFlags.Write)) flags.Add("write");
        if (definition.HasFlag(CommandFlags.ReadOnly)) flags.Add("readonly");
        if (definition.HasFlag(CommandFlags.Blocking)) flags.Add("blocking");
        if (definition.HasFlag(CommandFlags.Fast)) flags.Add("fast");
        if (definition.HasFlag(CommandFlags.NoAuth)) flags.Add("no_auth");
        reply.WriteSetHeader(flags.Count);
        foreach (var flag in flags) reply.WriteSimpleString(flag);
        reply.WriteInteger(definition.FirstKey);
        reply.WriteInteger(definition.LastKey);
        reply.WriteInteger(definition.Step);
        reply.WriteSetHeader(0);
        reply.WriteSetHeader(0);
        reply.WriteArrayHeader(0);
        var subcommands = definition.Subcommands?.Values.ToList() ?? [];
        reply.WriteArrayHeader(subcommands.Count);
        foreach (var subcommand in subcommands) WriteInfo(context, subcommand with { Name = subcommand.FullName });
    }
}
