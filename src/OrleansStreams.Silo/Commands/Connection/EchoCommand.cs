namespace OrleansStreams.Silo.Commands.Connection;

public static class EchoCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        context.Reply.WriteBulk(context.Args[1]);
        return ValueTask.CompletedTask;
    }
}
