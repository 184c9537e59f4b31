namespace OrleansStreams.Silo.Commands;

/// <summary>
/// The wait loop of blocking commands (XREAD/XREADGROUP BLOCK). Each attempt runs inside the execution gate and
/// inside the grains' turns; the wait between attempts holds neither, so writers proceed and wake us. The
/// deadline is fixed at the first attempt and kept across wake-ups that find nothing, as Redis does.
/// </summary>
public static class BlockingCommand
{
    /// <summary>
    /// Runs <paramref name="attempt"/> (which returns true once it has written a reply) until it serves, the
    /// timeout passes (returns false: the caller writes the timeout reply), or the client goes away.
    /// <paramref name="timeoutMs"/>: null = do not block (one attempt), 0 = block forever.
    /// </summary>
    public static async ValueTask<bool> RunAsync(CommandContext context, IReadOnlyList<string> keys, long? timeoutMs, Func<ValueTask<bool>> attempt)
    {
        var services = context.Services;
        if (timeoutMs is null || context.InTransaction)
        {
            // Inside EXEC the gate is already held exclusively; BLOCK answers at once there, as in Redis.
            return context.InTransaction ? await attempt().ConfigureAwait(false) : await AttemptInGateAsync(context, attempt).ConfigureAwait(false);
        }

        var clock = services.TimeProvider;
        var deadline = timeoutMs.Value == 0 ? (DateTimeOffset?)null : clock.GetUtcNow().AddMilliseconds(timeoutMs.Value);
        try
        {
            while (true)
            {
                using var waiter = services.Notifications.Register(keys);
                if (await AttemptInGateAsync(context, attempt).ConfigureAwait(false)) return true;
                // Counted as blocked (INFO blocked_clients) once an attempt found nothing, as in Redis.
                context.Client.Blocked = true;
                var wait = Timeout.InfiniteTimeSpan;
                if (deadline is { } due)
                {
                    wait = due - clock.GetUtcNow();
                    if (wait <= TimeSpan.Zero) return false;
                }
                try
                {
                    await waiter.Signaled.WaitAsync(wait, clock, context.Aborted).ConfigureAwait(false);
                }
                catch (TimeoutException)
                {
                    return false;
                }
            }
        }
        finally
        {
            context.Client.Blocked = false;
        }
    }

    private static async ValueTask<bool> AttemptInGateAsync(CommandContext context, Func<ValueTask<bool>> attempt)
    {
        var gate = context.Services.Gate;
        await gate.EnterSharedAsync(context.Aborted).ConfigureAwait(false);
        try
        {
            return await attempt().ConfigureAwait(false);
        }
        finally
        {
            gate.ExitShared();
        }
    }
}
