namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>TTL key: seconds left, rounded.</summary>
public static class TtlCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.TimeToLiveAsync(context, milliseconds: false, absolute: false);
}
