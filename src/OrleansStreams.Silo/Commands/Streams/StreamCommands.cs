namespace OrleansStreams.Silo.Commands.Streams;

public static class StreamCommands
{
    public static CommandTableBuilder AddStreamCommands(this CommandTableBuilder builder) => builder;
}
