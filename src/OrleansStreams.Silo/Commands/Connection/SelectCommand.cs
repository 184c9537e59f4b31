namespace OrleansStreams.Silo.Commands.Connection;

/// <summary>SELECT: the silo has one database, 0 (clients send SELECT 0 on connect).</summary>
public static class SelectCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        if (!long.TryParse(context.Args.Text(1), out var index)) context.Reply.WriteError("ERR value is not an integer or out of range");
        else if (index != 0) context.Reply.WriteError("ERR DB index is out of range");
        else context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
