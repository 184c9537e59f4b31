namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>PERSIST key: removes the expiry.</summary>
public static class PersistCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.PersistAsync(context);
}
