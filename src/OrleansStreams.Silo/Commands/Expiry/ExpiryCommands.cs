namespace OrleansStreams.Silo.Commands.Expiry;

public static class ExpiryCommands
{
    public static CommandTableBuilder AddExpiryCommands(this CommandTableBuilder builder) => builder
        .Add("expire", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, ExpireCommand.ExecuteAsync)
        .Add("pexpire", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, PExpireCommand.ExecuteAsync)
        .Add("expireat", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, ExpireAtCommand.ExecuteAsync)
        .Add("pexpireat", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, PExpireAtCommand.ExecuteAsync)
        .Add("persist", 2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, PersistCommand.ExecuteAsync)
        .Add("ttl", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, TtlCommand.ExecuteAsync)
        .Add("pttl", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, PTtlCommand.ExecuteAsync)
        .Add("expiretime", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, ExpireTimeCommand.ExecuteAsync)
        .Add("pexpiretime", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, PExpireTimeCommand.ExecuteAsync);
}
