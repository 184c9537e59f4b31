namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>PEXPIREAT key unix-time-milliseconds [NX|XX|GT|LT].</summary>
public static class PExpireAtCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.ExpireAsync(context, seconds: false, relative: false);
}
