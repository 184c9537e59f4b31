namespace OrleansStreams.Silo.Commands.Keys;

public static class KeyCommands
{
    public static CommandTableBuilder AddKeyCommands(this CommandTableBuilder builder) => builder
        .Add("del", -2, CommandFlags.Write, 1, -1, 1, DelCommand.ExecuteAsync)
        .Add("unlink", -2, CommandFlags.Write | CommandFlags.Fast, 1, -1, 1, DelCommand.ExecuteAsync)
        .Add("exists", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, -1, 1, ExistsCommand.ExecuteAsync)
        .Add("type", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, TypeCommand.ExecuteAsync)
        .Add("keys", 2, CommandFlags.ReadOnly, 0, 0, 0, KeysCommand.ExecuteAsync)
        .Add("scan", -2, CommandFlags.ReadOnly, 0, 0, 0, ScanCommand.ExecuteAsync);
}
