namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>EXPIRE key seconds [NX|XX|GT|LT].</summary>
public static class ExpireCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.ExpireAsync(context, seconds: true, relative: true);
}
