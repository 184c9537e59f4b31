namespace OrleansStreams.Silo.Commands.Keys;

/// <summary>EXISTS key [key ...]: counts every argument naming a live key, repeats included.</summary>
public static class ExistsCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var count = 0;
        for (var i = 1; i < context.Args.Count; i++)
        {
            if (context.Services.Keyspace.TryGet(context.Args.Text(i), context.NowMs, out _)) count++;
        }
        context.Reply.WriteInteger(count);
        return ValueTask.CompletedTask;
    }
}
