namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HGETALL key: a map of fields to values (RESP3), a flat array in RESP2.</summary>
public static class HGetAllCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => HashListing.RunAsync(context, names: true, values: true);
}
