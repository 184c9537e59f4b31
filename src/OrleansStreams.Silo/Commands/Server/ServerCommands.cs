namespace OrleansStreams.Silo.Commands.Server;

public static class ServerCommands
{
    public static CommandTableBuilder AddServerCommands(this CommandTableBuilder builder) => builder
        .Add("command", -1, CommandFlags.NoGate, 0, 0, 0, CommandCommand.ExecuteAsync)
        .Add("info", -1, CommandFlags.NoGate, 0, 0, 0, InfoCommand.ExecuteAsync)
        .Add("dbsize", 1, CommandFlags.ReadOnly | CommandFlags.Fast, 0, 0, 0, DbSizeCommand.ExecuteAsync)
        .Add("flushdb", -1, CommandFlags.Write, 0, 0, 0, FlushCommand.ExecuteAsync)
        .Add("flushall", -1, CommandFlags.Write, 0, 0, 0, FlushCommand.ExecuteAsync)
        .AddContainer("config", -2, CommandFlags.None, ConfigCommand.AddSubcommands);
}
