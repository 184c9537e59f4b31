using OrleansStreams.ConsumerGroups;
using OrleansStreams.Silo.Commands.Streams;

namespace OrleansStreams.Silo.Commands.ConsumerGroups;

/// <summary>One XREADGROUP across its attempts: each attempt is the whole command again, checks included.</summary>
internal sealed class XReadGroupOperation(
    CommandContext context,
    string[] keys,
    ReadGroupId[] ids,
    string group,
    string consumer,
    long count,
    bool noAck)
{
    private bool _retry;

    /// <summary>One attempt, inside the execution gate: true once a reply (entries or an error) is written.</summary>
    public async ValueTask<bool> AttemptAsync()
    {
        // The first attempt runs at the command's clock reading; a re-run after a wake-up is a new execution.
        var nowMs = _retry ? context.Services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds() : context.NowMs;
        _retry = true;

        // Every key must hold the group, with a usable ID, before any is served. A single key with a usable ID needs no
        // separate check: its read fails as a whole, with the same status, when the key or group is missing.
        var check = keys.Length > 1 || IdError(ids[0].Kind) is not null;
        for (var k = 0; check && k < keys.Length; k++)
        {
            var status = await GroupGrains.Get(context, keys[k], group).InvokeAsync(g => g.ExistsAsync(nowMs)).ConfigureAwait(false);
            if (status != ConsumerGroupStatus.Ok)
            {
                WriteFailure(keys[k], status);
                return true;
            }
            if (IdError(ids[k].Kind) is { } error)
            {
                context.Reply.WriteError(error);
                return true;
            }
        }

        var results = new GroupReadResult[keys.Length];
        var served = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var request = new GroupReadRequest(consumer, ids[k].Kind == ReadGroupIdKind.History ? ids[k].After : null, count, noAck, nowMs);
            var result = await GroupGrains.Get(context, keys[k], group).InvokeAsync(g => g.ReadAsync(request)).ConfigureAwait(false);
            if (result.Status != ConsumerGroupStatus.Ok)
            {
                // A missing key or group; or, with several keys, one that vanished since the check above.
                WriteFailure(keys[k], result.Status);
                return true;
            }
            results[k] = result;
            if (result.Served) served++;
        }
        if (served == 0) return false;

        var reply = context.Reply;
        if (reply.IsResp3) reply.WriteMapHeader(served);
        else reply.WriteArrayHeader(served);
        for (var k = 0; k < keys.Length; k++)
        {
            if (!results[k].Served) continue;
            if (!reply.IsResp3) reply.WriteArrayHeader(2);
            reply.WriteBulk(keys[k]);
            StreamReplies.WriteEntries(reply, results[k].Entries);
        }
        return true;
    }

    private void WriteFailure(string key, ConsumerGroupStatus status)
    {
        if (status == ConsumerGroupStatus.WrongType) context.Reply.WriteError(StreamErrors.WrongType);
        else GroupErrors.WriteReadGroupNoGroup(context.Reply, key, group);
    }

    private static string? IdError(ReadGroupIdKind kind) => kind switch
    {
        ReadGroupIdKind.Dollar => GroupErrors.ReadGroupDollar,
        ReadGroupIdKind.Plus => GroupErrors.ReadGroupPlus,
        ReadGroupIdKind.Invalid => StreamErrors.InvalidId,
        _ => null,
    };
}
