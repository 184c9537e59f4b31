namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>EXPIREAT key unix-time-seconds [NX|XX|GT|LT].</summary>
public static class ExpireAtCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.ExpireAsync(context, seconds: true, relative: false);
}
