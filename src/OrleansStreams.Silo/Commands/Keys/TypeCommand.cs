using OrleansStreams.Keys;

namespace OrleansStreams.Silo.Commands.Keys;

public static class TypeCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        context.Reply.WriteSimpleString(NameOf(context.Services.Keyspace.TypeOf(context.Args.Text(1), context.NowMs)));
        return ValueTask.CompletedTask;
    }

    public static ReadOnlySpan<byte> NameOf(KeyType type) => type switch
    {
        KeyType.String => "string"u8,
        KeyType.Hash => "hash"u8,
        KeyType.Stream => "stream"u8,
        _ => "none"u8,
    };
}
