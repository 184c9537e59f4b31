namespace OrleansStreams.Silo.Commands.Strings;

public static class StringCommands
{
    public static CommandTableBuilder AddStringCommands(this CommandTableBuilder builder) => builder
        .Add("get", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, GetCommand.ExecuteAsync)
        .Add("set", -3, CommandFlags.Write, 1, 1, 1, SetCommand.ExecuteAsync)
        .Add("setnx", 3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, SetNxCommand.ExecuteAsync)
        .Add("setex", 4, CommandFlags.Write, 1, 1, 1, SetExCommand.ExecuteAsync)
        .Add("psetex", 4, CommandFlags.Write, 1, 1, 1, PSetExCommand.ExecuteAsync)
        .Add("getset", 3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, GetSetCommand.ExecuteAsync)
        .Add("getdel", 2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, GetDelCommand.ExecuteAsync)
        .Add("mset", -3, CommandFlags.Write, 1, -1, 2, MSetCommand.ExecuteAsync)
        .Add("strlen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, StrLenCommand.ExecuteAsync)
        .Add("mget", -2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, -1, 1, MGetCommand.ExecuteAsync)
        .Add("incr", 2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, IncrCommand.ExecuteAsync)
        .Add("decr", 2, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, DecrCommand.ExecuteAsync)
        .Add("incrby", 3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, IncrByCommand.ExecuteAsync)
        .Add("decrby", 3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, DecrByCommand.ExecuteAsync)
        .Add("incrbyfloat", 3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, IncrByFloatCommand.ExecuteAsync);
}
