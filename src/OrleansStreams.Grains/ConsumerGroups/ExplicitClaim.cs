using OrleansStreams.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.Grains.ConsumerGroups;

/// <summary>XCLAIM: moves named pending entries to a consumer.</summary>
internal static class ExplicitClaim
{
    /// <summary>
    /// Claims <paramref name="request"/>'s IDs for <paramref name="consumer"/> in argument order, given the stream's
    /// answer for those IDs (<paramref name="entries"/>, same order). Per ID: gone from the stream → dropped from the
    /// PEL and left out; not pending → skipped, unless FORCE creates it (count 1, then counted like any claim, so 2
    /// without JUSTID); idle below min-idle-time → skipped; otherwise it moves to the consumer with the new delivery
    /// time and a count of RETRYCOUNT, or one more unless JUSTID.
    /// </summary>
    public static ClaimOutcome Claim(ConsumerGroup group, Consumer consumer, ClaimRequest request, StreamEntries entries)
    {
        var now = request.NowMs;
        if (request.LastId is { } lastId) group.Cursor.RaiseTo(lastId);

        var outcome = new ClaimOutcome { DeliveryTimeMs = ClampDeliveryTime(request.DeliveryTimeMs, now) };
        for (var i = 0; i < request.Ids.Length; i++)
        {
            var id = request.Ids[i];
            if (!entries[i].Exists)
            {
                if (group.Acknowledge(id)) outcome.Removed.Add(id);
                continue;
            }

            long count;
            if (group.Pending.TryGet(id, out var pending))
            {
                if (request.MinIdleMs > 0 && pending.IdleMs(now) < request.MinIdleMs) continue;
                count = pending.DeliveryCount;
            }
            else if (request.Force)
            {
                // Redis creates the entry with count 1 and then claims it like any other.
                count = 1;
            }
            else
            {
                continue;
            }

            if (request.RetryCount is { } retry && retry >= 0) count = retry;
            else if (!request.JustId) count++;

            var claimed = group.Assign(id, consumer, outcome.DeliveryTimeMs, count);
            consumer.ActiveTimeMs = now;
            outcome.AddClaimed(claimed, i);
        }
        return outcome;
    }

    /// <summary>IDLE/TIME: a time before the epoch or in the future means now, as no time at all does.</summary>
    public static long ClampDeliveryTime(long? requested, long nowMs)
        => requested is { } time && time >= 0 && time <= nowMs ? time : nowMs;
}
