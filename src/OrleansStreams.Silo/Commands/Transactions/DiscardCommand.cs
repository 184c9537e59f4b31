namespace OrleansStreams.Silo.Commands.Transactions;

public static class DiscardCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        if (!context.Client.InMulti)
        {
            context.Reply.WriteError("ERR DISCARD without MULTI");
            return ValueTask.CompletedTask;
        }
        TransactionCommands.Reset(context);
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
