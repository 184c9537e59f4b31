namespace OrleansStreams.Silo.Commands.Strings;

public static class StringCommands
{
    public static CommandTableBuilder AddStringCommands(this CommandTableBuilder builder) => builder;
}
