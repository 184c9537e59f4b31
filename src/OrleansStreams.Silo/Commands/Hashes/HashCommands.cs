namespace OrleansStreams.Silo.Commands.Hashes;

public static class HashCommands
{
    public static CommandTableBuilder AddHashCommands(this CommandTableBuilder builder) => builder
        .Add("hset", -4, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, HSetCommand.ExecuteAsync)
        .Add("hmset", -4, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, HMSetCommand.ExecuteAsync)
        .Add("hsetnx", 4, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, HSetNxCommand.ExecuteAsync)
        .Add("hget", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, HGetCommand.ExecuteAsync)
        .Add("hmget", -3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, HMGetCommand.ExecuteAsync)
        .Add("hgetall", 2, CommandFlags.ReadOnly, 1, 1, 1, HGetAllCommand.ExecuteAsync)
        .Add("hkeys", 2, CommandFlags.ReadOnly, 1, 1, 1, HKeysCommand.ExecuteAsync)
        .Add("hvals", 2, CommandFlags.ReadOnly, 1, 1, 1, HValsCommand.ExecuteAsync)
        .Add("hlen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, HLenCommand.ExecuteAsync)
        .Add("hexists", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, HExistsCommand.ExecuteAsync)
        .Add("hstrlen", 3, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, HStrLenCommand.ExecuteAsync)
        .Add("hdel", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, HDelCommand.ExecuteAsync)
        .Add("hincrby", 4, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, HIncrByCommand.ExecuteAsync)
        .Add("hincrbyfloat", 4, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, HIncrByFloatCommand.ExecuteAsync);
}
