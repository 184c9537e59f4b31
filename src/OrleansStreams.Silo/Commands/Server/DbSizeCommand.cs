namespace OrleansStreams.Silo.Commands.Server;

public static class DbSizeCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        context.Reply.WriteInteger(context.Services.Keyspace.Count(context.NowMs));
        return ValueTask.CompletedTask;
    }
}
