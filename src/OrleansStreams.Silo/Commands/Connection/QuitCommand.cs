namespace OrleansStreams.Silo.Commands.Connection;

public static class QuitCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        context.Reply.WriteOk();
        context.Client.CloseRequested = true;
        return ValueTask.CompletedTask;
    }
}
