namespace OrleansStreams.Silo.Commands.Transactions;

public static class MultiCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        if (context.Client.InMulti)
        {
            context.Reply.WriteError("ERR MULTI calls can not be nested");
            return ValueTask.CompletedTask;
        }
        context.Client.Queued = [];
        context.Client.TransactionFailed = false;
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
