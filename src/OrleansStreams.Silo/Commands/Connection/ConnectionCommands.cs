namespace OrleansStreams.Silo.Commands.Connection;

public static class ConnectionCommands
{
    public static CommandTableBuilder AddConnectionCommands(this CommandTableBuilder builder) => builder
        .Add("ping", -1, CommandFlags.Fast | CommandFlags.NoGate, 0, 0, 0, PingCommand.ExecuteAsync)
        .Add("echo", 2, CommandFlags.Fast | CommandFlags.NoGate, 0, 0, 0, EchoCommand.ExecuteAsync)
        .Add("hello", -1, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.NoGate, 0, 0, 0, HelloCommand.ExecuteAsync)
        .Add("auth", -2, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.NoGate, 0, 0, 0, AuthCommand.ExecuteAsync)
        .Add("select", 2, CommandFlags.Fast | CommandFlags.NoGate, 0, 0, 0, SelectCommand.ExecuteAsync)
        .Add("quit", -1, CommandFlags.NoAuth | CommandFlags.Fast | CommandFlags.NoGate | CommandFlags.Transaction, 0, 0, 0, QuitCommand.ExecuteAsync)
        .AddContainer("client", -2, CommandFlags.None, ClientCommand.AddSubcommands);
}
