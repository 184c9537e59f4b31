using Microsoft.Extensions.DependencyInjection;

namespace OrleansStreams.Silo.Commands.Transactions;

/// <summary>
/// EXEC: runs the queued commands with the execution gate held exclusively, so no other client's command
/// interleaves; aborts on a queueing error (EXECABORT) or answers null when a WATCHed key changed.
/// </summary>
public static class ExecCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var client = context.Client;
        if (!client.InMulti)
        {
            context.Reply.WriteError("ERR EXEC without MULTI");
            return;
        }
        var queued = client.Queued!;
        if (client.TransactionFailed)
        {
            TransactionCommands.Reset(context);
            context.Reply.WriteError("EXECABORT Transaction discarded because of previous errors.");
            return;
        }

        var services = context.Services;
        var dispatcher = services.Services.GetRequiredService<CommandDispatcher>();
        await services.Gate.EnterExclusiveAsync(context.Aborted).ConfigureAwait(false);
        try
        {
            var watchesBroken = client.Watched.Any(w => services.Watches.VersionOf(w.Key) != w.Value);
            client.Queued = null;
            client.TransactionFailed = false;
            TransactionCommands.UnwatchAll(context);
            if (watchesBroken)
            {
                context.Reply.WriteNullArray();
                return;
            }
            context.Reply.WriteArrayHeader(queued.Count);
            context.InTransaction = true;
            foreach (var command in queued)
            {
                await dispatcher.ExecuteQueuedAsync(context, command).ConfigureAwait(false);
            }
        }
        finally
        {
            context.InTransaction = false;
            services.Gate.ExitExclusive();
        }
    }
}
