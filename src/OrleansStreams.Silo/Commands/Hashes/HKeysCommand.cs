namespace OrleansStreams.Silo.Commands.Hashes;

/// <summary>HKEYS key.</summary>
public static class HKeysCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => HashListing.RunAsync(context, names: true, values: false);
}
