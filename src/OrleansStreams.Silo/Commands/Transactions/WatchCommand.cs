namespace OrleansStreams.Silo.Commands.Transactions;

public static class WatchCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        if (context.Client.InMulti)
        {
            context.Reply.WriteError("ERR WATCH inside MULTI is not allowed");
            return ValueTask.CompletedTask;
        }
        for (var i = 1; i < context.Args.Count; i++)
        {
            var key = context.Args.Text(i);
            if (!context.Client.Watched.ContainsKey(key)) context.Client.Watched[key] = context.Services.Watches.Watch(key);
        }
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
