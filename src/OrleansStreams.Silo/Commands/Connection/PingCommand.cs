namespace OrleansStreams.Silo.Commands.Connection;

public static class PingCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        switch (context.Args.Count)
        {
            case 1:
                context.Reply.WriteSimpleString("PONG"u8);
                break;
            case 2:
                context.Reply.WriteBulk(context.Args[1]);
                break;
            default:
                context.WrongArity();
                break;
        }
        return ValueTask.CompletedTask;
    }
}
