namespace OrleansStreams.Silo.Commands.Hashes;

public static class HashCommands
{
    public static CommandTableBuilder AddHashCommands(this CommandTableBuilder builder) => builder;
}
