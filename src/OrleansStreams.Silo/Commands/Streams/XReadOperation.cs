using OrleansStreams.Keys;
using OrleansStreams.Streams;

namespace OrleansStreams.Silo.Commands.Streams;

/// <summary>The state of one XREAD across its attempts: the keys, and their IDs once resolved.</summary>
internal sealed class XReadOperation(CommandContext context, string[] keys, int idsAt, long count)
{
    private readonly StreamId[] _after = new StreamId[keys.Length];
    private readonly bool[] _lastEntry = new bool[keys.Length];
    private bool _resolved;

    /// <summary>One attempt, inside the execution gate: true once a reply (entries or an error) is written.</summary>
    public async ValueTask<bool> AttemptAsync()
    {
        var nowMs = context.NowMs;
        if (!_resolved)
        {
            if (!await ResolveAsync(nowMs).ConfigureAwait(false)) return true;
            _resolved = true;
        }
        else
        {
            nowMs = context.Services.TimeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        }

        var results = new StreamEntries?[keys.Length];
        var served = 0;
        for (var k = 0; k < keys.Length; k++)
        {
            var stream = context.Grains.GetGrain<IStreamGrain>(keys[k]);
            var after = _after[k];
            var result = _lastEntry[k]
                ? await stream.InvokeAsync(g => g.ReadLastEntryAsync(nowMs)).ConfigureAwait(false)
                : await stream.InvokeAsync(g => g.ReadAfterAsync(after, count, nowMs)).ConfigureAwait(false);
            // A key that became another type while we waited is not ready, as in Redis (only streams wake XREAD).
            if (result.Status != StreamStatus.Ok || result.Entries.Count == 0) continue;
            results[k] = result.Entries;
            served++;
        }
        if (served == 0) return false;

        var reply = context.Reply;
        if (reply.IsResp3) reply.WriteMapHeader(served);
        else reply.WriteArrayHeader(served);
        for (var k = 0; k < keys.Length; k++)
        {
            if (results[k] is not { } entries) continue;
            if (!reply.IsResp3) reply.WriteArrayHeader(2);
            reply.WriteBulk(keys[k]);
            StreamReplies.WriteEntries(reply, entries);
        }
        return true;
    }

    /// <summary>Checks each key's type and turns its ID argument into an ID, in key order; false after writing an error.</summary>
    private async ValueTask<bool> ResolveAsync(long nowMs)
    {
        var args = context.Args;
        for (var k = 0; k < keys.Length; k++)
        {
            var type = context.Services.Keyspace.TypeOf(keys[k], nowMs);
            if (type is not KeyType.None and not KeyType.Stream)
            {
                context.Reply.WriteError(StreamErrors.WrongType);
                return false;
            }
            var id = args[idsAt + k];
            if (id.Length == 1 && id[0] == (byte)'$')
            {
                if (type == KeyType.None) continue;
                var metadata = await context.Grains.GetGrain<IStreamGrain>(keys[k]).InvokeAsync(g => g.GetMetadataAsync(nowMs)).ConfigureAwait(false);
                if (metadata.Status == StreamStatus.WrongType)
                {
                    context.Reply.WriteError(StreamErrors.WrongType);
                    return false;
                }
                _after[k] = metadata.Metadata.LastId;
            }
            else if (id.Length == 1 && id[0] == (byte)'+')
            {
                _lastEntry[k] = true;
            }
            else if (id.Length == 1 && id[0] == (byte)'>')
            {
                context.Reply.WriteError(StreamErrors.ReadGreaterThanId);
                return false;
            }
            else if (!StreamIdParser.TryParseStrict(id, 0, out _after[k]))
            {
                context.Reply.WriteError(StreamErrors.InvalidId);
                return false;
            }
        }
        return true;
    }
}
