namespace OrleansStreams.Silo.Commands.Streams;

public static class StreamCommands
{
    public static CommandTableBuilder AddStreamCommands(this CommandTableBuilder builder) => builder
        .Add("xadd", -5, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, XAddCommand.ExecuteAsync)
        // Extensions (new names, never changed behaviour): optimistic-concurrency appends.
        .Add("xaddif", -7, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, XAddIfCommand.ExecuteAsync)
        .Add("xaddmultiif", -10, CommandFlags.Write, 1, 1, 1, XAddMultiIfCommand.ExecuteAsync)
        .Add("xrange", -4, CommandFlags.ReadOnly, 1, 1, 1, XRangeCommand.ExecuteAsync)
        .Add("xrevrange", -4, CommandFlags.ReadOnly, 1, 1, 1, XRevRangeCommand.ExecuteAsync)
        .Add("xlen", 2, CommandFlags.ReadOnly | CommandFlags.Fast, 1, 1, 1, XLenCommand.ExecuteAsync)
        .Add("xdel", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, XDelCommand.ExecuteAsync)
        .Add("xtrim", -4, CommandFlags.Write, 1, 1, 1, XTrimCommand.ExecuteAsync)
        .Add("xsetid", -3, CommandFlags.Write | CommandFlags.Fast, 1, 1, 1, XSetIdCommand.ExecuteAsync)
        // Keys follow STREAMS (movable keys), so the key spec is empty, as in Redis's command table.
        .Add("xread", -4, CommandFlags.ReadOnly | CommandFlags.Blocking, 0, 0, 0, XReadCommand.ExecuteAsync);
}
