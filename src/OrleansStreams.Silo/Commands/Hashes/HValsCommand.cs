namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HVALS key.</summary>
public static class HValsCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => HashListing.RunAsync(context, names: false, values: true);
}
