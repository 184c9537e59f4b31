using OrleansStreams.GrainHost;
using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>Calls a consumer-group grain the way the command handlers will, with arguments written as in Redis.</summary>
public sealed class GroupClient(IGrainReference<IConsumerGroupGrain> grain)
{
    /// <summary>XGROUP CREATE; <paramref name="start"/> "$" is the stream's last ID.</summary>
    public ValueTask<ConsumerGroupStatus> CreateAsync(string start, long now = 0, bool makeStream = false, long entriesRead = -1)
        => grain.InvokeAsync(g => g.CreateAsync(OrDollar(start), entriesRead, makeStream, now));

    public ValueTask<ConsumerGroupStatus> SetIdAsync(string id, long now = 0, long entriesRead = -1)
        => grain.InvokeAsync(g => g.SetIdAsync(OrDollar(id), entriesRead, now));

    public ValueTask<ConsumerGroupStatus> ExistsAsync(long now = 0) => grain.InvokeAsync(g => g.ExistsAsync(now));

    public ValueTask<GroupCountResult> DestroyAsync(long now = 0) => grain.InvokeAsync(g => g.DestroyAsync(now));

    public ValueTask<GroupCountResult> CreateConsumerAsync(string consumer, long now = 0) => grain.InvokeAsync(g => g.CreateConsumerAsync(consumer, now));

    public ValueTask<GroupCountResult> DeleteConsumerAsync(string consumer, long now = 0) => grain.InvokeAsync(g => g.DeleteConsumerAsync(consumer, now));

    /// <summary>XREADGROUP for one key; <paramref name="id"/> "&gt;" reads new entries, anything else the consumer's history.</summary>
    public ValueTask<GroupReadResult> ReadAsync(string consumer, string id = ">", long now = 0, long count = 0, bool noAck = false)
    {
        var request = new GroupReadRequest(consumer, id == ">" ? null : Ids.Parse(id), count, noAck, now);
        return grain.InvokeAsync(g => g.ReadAsync(request));
    }

    public async Task<string[]> ReadEntriesAsync(string consumer, string id = ">", long now = 0, long count = 0, bool noAck = false)
    {
        var result = await ReadAsync(consumer, id, now, count, noAck);
        Assert.Equal(ConsumerGroupStatus.Ok, result.Status);
        return Ids.Show(result.Entries);
    }

    public ValueTask<GroupCountResult> AckAsync(long now, params string[] ids)
    {
        var parsed = Ids.ParseAll(ids);
        return grain.InvokeAsync(g => g.AcknowledgeAsync(parsed, now));
    }

    public ValueTask<PendingSummary> PendingAsync(long now = 0) => grain.InvokeAsync(g => g.GetPendingSummaryAsync(now));

    public ValueTask<PendingRangeResult> PendingAsync(long now, string start, string end, long count, string? consumer = null, long idle = 0)
    {
        var request = new PendingRangeRequest(Ids.Parse(start), Ids.Parse(end), count, idle, consumer, now);
        return grain.InvokeAsync(g => g.GetPendingRangeAsync(request));
    }

    /// <summary>XPENDING key group - + 100 [consumer] as "id consumer idle count" lines.</summary>
    public async Task<string[]> PendingLinesAsync(long now, string? consumer = null)
    {
        var result = await PendingAsync(now, "-", "+", 100, consumer);
        Assert.Equal(ConsumerGroupStatus.Ok, result.Status);
        return [.. result.Entries.Select(e => $"{e.Id} {e.Consumer} {e.IdleMs} {e.DeliveryCount}")];
    }

    public ValueTask<ClaimResult> ClaimAsync(
        string consumer,
        long minIdle,
        string[] ids,
        long now,
        long? deliveryTime = null,
        long? retryCount = null,
        bool force = false,
        bool justId = false,
        string? lastId = null)
    {
        var request = new ClaimRequest(consumer, minIdle, Ids.ParseAll(ids), deliveryTime, retryCount, force, justId, lastId is null ? null : Ids.Parse(lastId), now);
        return grain.InvokeAsync(g => g.ClaimAsync(request));
    }

    public ValueTask<AutoClaimResult> AutoClaimAsync(string consumer, long minIdle, string start, long now, long count = 100, bool justId = false)
    {
        var request = new AutoClaimRequest(consumer, minIdle, Ids.Parse(start), count, justId, now);
        return grain.InvokeAsync(g => g.AutoClaimAsync(request));
    }

    public async Task<GroupSummary> SummaryAsync(long now = 0)
    {
        var result = await grain.InvokeAsync(g => g.GetSummaryAsync(now));
        Assert.Equal(ConsumerGroupStatus.Ok, result.Status);
        return result.Summary!;
    }

    public ValueTask<ConsumersResult> ConsumersAsync(long now = 0) => grain.InvokeAsync(g => g.GetConsumersAsync(now));

    public async Task<GroupDetails> DetailsAsync(long count = 0, long now = 0)
    {
        var result = await grain.InvokeAsync(g => g.GetDetailsAsync(count, now));
        Assert.Equal(ConsumerGroupStatus.Ok, result.Status);
        return result.Details!;
    }

    public ValueTask<ConsumerGroupStatus> SetPolicyAsync(long claimIdleMs, long maxDeliveries = 0, string? deadLetter = null, long now = 0)
        => grain.InvokeAsync(g => g.SetPolicyAsync(new GroupPolicy(claimIdleMs, maxDeliveries, deadLetter), now));

    public ValueTask<GroupPolicyResult> GetPolicyAsync(long now = 0) => grain.InvokeAsync(g => g.GetPolicyAsync(now));

    public ValueTask<GroupCountResult> DeletePolicyAsync(long now = 0) => grain.InvokeAsync(g => g.DeletePolicyAsync(now));

    private static StreamId? OrDollar(string id) => id == "$" ? null : Ids.Parse(id);
}
