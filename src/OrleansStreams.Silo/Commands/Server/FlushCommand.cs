using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Grains.Keyspace;

namespace OrleansStreams.Silo.Commands.Server;

/// <summary>FLUSHDB / FLUSHALL [ASYNC|SYNC]: deletes every key through its owning grain (there is one database).</summary>
public static class FlushCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var args = context.Args;
        if (args.Count > 2 || (args.Count == 2 && !args.Is(1, "ASYNC"u8) && !args.Is(1, "SYNC"u8)))
        {
            context.Reply.WriteError("ERR syntax error");
            return;
        }
        var owners = context.Services.Services.GetRequiredService<KeyOwners>();
        foreach (var entry in context.Services.Keyspace.AllEntries())
        {
            await owners.DeleteAsync(entry.Type, entry.Key).ConfigureAwait(false);
        }
        context.Services.Watches.TouchAll();
        context.Services.Notifications.SignalAll();
        context.Reply.WriteOk();
    }
}
