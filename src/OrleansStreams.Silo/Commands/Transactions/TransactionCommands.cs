namespace OrleansStreams.Silo.Commands.Transactions;

public static class TransactionCommands
{
    public static CommandTableBuilder AddTransactionCommands(this CommandTableBuilder builder) => builder
        .Add("multi", 1, CommandFlags.Transaction | CommandFlags.NoGate | CommandFlags.Fast, 0, 0, 0, MultiCommand.ExecuteAsync)
        .Add("exec", 1, CommandFlags.Transaction | CommandFlags.NoGate, 0, 0, 0, ExecCommand.ExecuteAsync)
        .Add("discard", 1, CommandFlags.Transaction | CommandFlags.NoGate | CommandFlags.Fast, 0, 0, 0, DiscardCommand.ExecuteAsync)
        .Add("watch", -2, CommandFlags.Transaction | CommandFlags.NoGate | CommandFlags.Fast, 1, -1, 1, WatchCommand.ExecuteAsync)
        .Add("unwatch", 1, CommandFlags.NoGate | CommandFlags.Fast, 0, 0, 0, UnwatchCommand.ExecuteAsync);

    /// <summary>Ends a transaction (EXEC, DISCARD, abort) and forgets the client's WATCHes, as Redis does.</summary>
    internal static void Reset(CommandContext context)
    {
        context.Client.Queued = null;
        context.Client.TransactionFailed = false;
        UnwatchAll(context);
    }

    internal static void UnwatchAll(CommandContext context)
    {
        foreach (var key in context.Client.Watched.Keys) context.Services.Watches.Unwatch(key);
        context.Client.Watched.Clear();
    }
}
