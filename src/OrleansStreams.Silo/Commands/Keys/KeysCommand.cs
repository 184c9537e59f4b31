namespace OrleansStreams.Silo.Commands.Keys;

public static class KeysCommand
{
    public static ValueTask ExecuteAsync(CommandContext context)
    {
        var pattern = context.Args.Text(1);
        var matches = context.Services.Keyspace.Snapshot(context.NowMs)
            .Where(k => pattern == "*" || GlobPattern.IsMatch(pattern, k.Key))
            .Select(k => k.Key)
            .ToList();
        context.Reply.WriteArrayHeader(matches.Count);
        foreach (var key in matches) context.Reply.WriteBulk(key);
        return ValueTask.CompletedTask;
    }
}
