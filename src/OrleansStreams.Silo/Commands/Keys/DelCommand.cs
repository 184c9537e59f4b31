using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.Grains.Keyspace;

namespace OrleansStreams.Silo.Commands.Keys;

/// <summary>DEL and UNLINK key [key ...]: deletes each key through the grain that owns it.</summary>
public static class DelCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var owners = context.Services.Services.GetRequiredService<KeyOwners>();
        var deleted = 0;
        for (var i = 1; i < context.Args.Count; i++)
        {
            var key = context.Args.Text(i);
            var type = context.Services.Keyspace.TypeOf(key, context.NowMs);
            if (await owners.DeleteAsync(type, key).ConfigureAwait(false)) deleted++;
        }
        context.Reply.WriteInteger(deleted);
    }
}
