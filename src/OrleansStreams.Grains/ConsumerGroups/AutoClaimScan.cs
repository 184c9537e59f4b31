using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>
/// XAUTOCLAIM: walks the group PEL from a start ID, visiting at most COUNT × 10 entries, and claims the idle ones
/// until COUNT entries are used up. An entry whose stream entry is gone is dropped from the PEL and uses up COUNT
/// too; an entry idle for less than min-idle-time only uses up an attempt.
/// </summary>
internal static class AutoClaimScan
{
    private const long AttemptsPerCount = 10;

    /// <summary>
    /// The PEL IDs the walk may visit, so the stream can be asked about all of them at once. Only the stream can say
    /// which entries are gone, but every entry idle long enough uses up COUNT whether gone or not, so the walk can
    /// never go past the COUNT-th such entry.
    /// </summary>
    public static StreamId[] Plan(ConsumerGroup group, AutoClaimRequest request)
    {
        var attempts = Attempts(request.Count);
        var candidates = new List<StreamId>();
        long idleEnough = 0;
        foreach (var pending in group.Pending.Between(request.Start, StreamId.Max))
        {
            if (candidates.Count >= attempts || idleEnough >= request.Count) break;
            candidates.Add(pending.Id);
            if (IsIdleEnough(pending, request)) idleEnough++;
        }
        return [.. candidates];
    }

    /// <summary>
    /// Runs the walk over <paramref name="candidates"/> (from <see cref="Plan"/>, the PEL unchanged since) with the
    /// stream's answer for them (<paramref name="entries"/>, same order). The cursor is the first PEL ID after the
    /// last one visited, or 0-0 when the walk reached the end of the PEL.
    /// </summary>
    public static ClaimOutcome Claim(ConsumerGroup group, Consumer consumer, AutoClaimRequest request, StreamId[] candidates, StreamEntries entries)
    {
        var now = request.NowMs;
        var outcome = new ClaimOutcome { DeliveryTimeMs = now };
        var attempts = Attempts(request.Count);
        var remaining = request.Count;
        var visited = 0;
        while (visited < candidates.Length && attempts > 0 && remaining > 0)
        {
            var index = visited++;
            attempts--;
            var id = candidates[index];
            var pending = group.Pending.Get(id);
            if (!entries[index].Exists)
            {
                group.Acknowledge(id);
                outcome.Removed.Add(id);
                remaining--;
                continue;
            }

            if (!IsIdleEnough(pending, request)) continue;

            var count = request.JustId ? pending.DeliveryCount : pending.DeliveryCount + 1;
            group.Assign(id, consumer, now, count);
            consumer.ActiveTimeMs = now;
            outcome.AddClaimed(pending, index);
            remaining--;
        }

        outcome.NextCursor = visited > 0 && group.Pending.TryGetNextAfter(candidates[visited - 1], out var next) ? next : StreamId.Zero;
        return outcome;
    }

    private static bool IsIdleEnough(PendingEntry pending, AutoClaimRequest request)
        => request.MinIdleMs <= 0 || pending.IdleMs(request.NowMs) >= request.MinIdleMs;

    private static long Attempts(long count) => count > long.MaxValue / AttemptsPerCount ? long.MaxValue : count * AttemptsPerCount;
}
