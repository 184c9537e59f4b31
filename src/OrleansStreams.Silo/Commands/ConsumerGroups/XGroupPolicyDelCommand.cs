using OrleansStreams.ConsumerGroups;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>XGROUPPOLICY DEL key group: removes the policy and its counters (the group behaves as in Redis again); OK.</summary>
public static class XGroupPolicyDelCommand
{
    public static async ValueTask ExecuteAsync(CommandContext context)
    {
        var key = context.Args.Text(2);
        var group = context.Args.Text(3);
        var nowMs = context.NowMs;
        var result = await GroupGrains.Get(context, key, group).InvokeAsync(g => g.DeletePolicyAsync(nowMs)).ConfigureAwait(false);
        if (result.Status == ConsumerGroupStatus.Ok) context.Reply.WriteOk();
        else XGroupPolicyGetCommand.WriteFailure(context, key, group, result.Status);
    }
}
