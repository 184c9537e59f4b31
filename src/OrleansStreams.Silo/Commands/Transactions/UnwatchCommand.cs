namespace OrleansStreams.Silo.Commands.Transactions;

public static class UnwatchCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        TransactionCommands.UnwatchAll(context);
        context.Reply.WriteOk();
        return ValueTask.CompletedTask;
    }
}
