namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>PTTL key: milliseconds left.</summary>
public static class PTtlCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.TimeToLiveAsync(context, milliseconds: true, absolute: false);
}
