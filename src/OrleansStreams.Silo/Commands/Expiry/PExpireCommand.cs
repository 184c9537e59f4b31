namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>PEXPIRE key milliseconds [NX|XX|GT|LT].</summary>
public static class PExpireCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.ExpireAsync(context, seconds: false, relative: true);
}
