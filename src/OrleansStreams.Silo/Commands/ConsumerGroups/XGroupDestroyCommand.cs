using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUP DESTROY key group: 1, or 0 when there was no such group. Blocked XREADGROUPs on it get NOGROUP.</summary>
public static class XGroupDestroyCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        if (!XGroupOptions.TryParse(context, create: false, setId: false, out _)) return;
        var nowMs = context.NowMs;
        var key = context.Args.Text(2);
        var result = await GroupGrains.Get(context, key, context.Args.Text(3)).InvokeAsync(g => g.DestroyAsync(nowMs)).ConfigureAwait(false);
        // The stream grain signals the key when the group goes, so blocked readers re-run and report NOGROUP.
        switch (result.Status)
        {
            case ConsumerGroupStatus.WrongType:
                context.Reply.WriteError(StreamErrors.WrongType);
                break;
            case ConsumerGroupStatus.NoKey:
                context.Reply.WriteError(GroupErrors.RequiresKey);
                break;
            default:
                context.Reply.WriteInteger(result.Status == ConsumerGroupStatus.Ok ? result.Value : 0);
                break;
        }
    }
}
