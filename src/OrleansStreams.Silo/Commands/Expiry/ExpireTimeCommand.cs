namespace OrleansStreams.Silo.Commands.Expiry;

/// <summary>EXPIRETIME key: the absolute expiry in Unix seconds.</summary>
public static class ExpireTimeCommand
{
    public static ValueTask ExecuteAsync(CommandContext context) => KeyExpiry.TimeToLiveAsync(context, milliseconds: false, absolute: true);
}
