namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>PEXPIRETIME key: the absolute expiry in Unix milliseconds.</summary>
public static class PExpireTimeCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.TimeToLiveAsync(context, milliseconds: true, absolute: true);
}
