using OrleansStreams.GrainHost;
using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups;

/// <summary>
/// One consumer group of one stream (grain type "consumergroup", key = <see cref="ConsumerGroupKey.Create"/>(stream
/// key, group name)). It owns the group's cursor, PEL and consumers and asks the stream for entries inside its own
/// turn, so each new entry read with <c>&gt;</c> goes to exactly one consumer. Every call takes the command's clock
/// reading (<c>nowMs</c>). A group whose stream was deleted or re-created since it was made no longer exists.
/// </summary>
public interface IConsumerGroupGrain : IGrainWithStringKey
{
    /// <summary>Whether the group exists (lets a handler rank NOGROUP before an argument error, as Redis does).</summary>
    ValueTask<ConsumerGroupStatus> ExistsAsync(long nowMs);

    /// <summary>
    /// XGROUP CREATE. <paramref name="startId"/> null means <c>$</c> (the stream's last ID);
    /// <paramref name="entriesRead"/> is ENTRIESREAD, -1 when not given. Ok, NoKey, WrongType or GroupExists.
    /// </summary>
    ValueTask<ConsumerGroupStatus> CreateAsync(StreamId? startId, long entriesRead, bool makeStream, long nowMs);

    /// <summary>XGROUP SETID: <paramref name="lastId"/> null means <c>$</c>; entries_read becomes <paramref name="entriesRead"/> (-1 when not given).</summary>
    ValueTask<ConsumerGroupStatus> SetIdAsync(StreamId? lastId, long entriesRead, long nowMs);

    /// <summary>XGROUP DESTROY: 1 if the group existed, 0 if not; NoKey for a missing key.</summary>
    ValueTask<GroupCountResult> DestroyAsync(long nowMs);

    /// <summary>XGROUP CREATECONSUMER: 1 created, 0 already there.</summary>
    ValueTask<GroupCountResult> CreateConsumerAsync(string consumer, long nowMs);

    /// <summary>XGROUP DELCONSUMER: how many entries the consumer had pending (they leave the PEL), 0 if it did not exist.</summary>
    ValueTask<GroupCountResult> DeleteConsumerAsync(string consumer, long nowMs);

    /// <summary>XREADGROUP for this group's stream.</summary>
    ValueTask<GroupReadResult> ReadAsync(GroupReadRequest request);

    /// <summary>XACK: how many of the IDs were pending. NoKey and NoGroup mean the reply is 0.</summary>
    ValueTask<GroupCountResult> AcknowledgeAsync(StreamId[] ids, long nowMs);

    /// <summary>XPENDING key group.</summary>
    ValueTask<PendingSummary> GetPendingSummaryAsync(long nowMs);

    /// <summary>XPENDING key group [IDLE t] start end count [consumer].</summary>
    ValueTask<PendingRangeResult> GetPendingRangeAsync(PendingRangeRequest request);

    ValueTask<ClaimResult> ClaimAsync(ClaimRequest request);

    ValueTask<AutoClaimResult> AutoClaimAsync(AutoClaimRequest request);

    /// <summary>This group's element of XINFO GROUPS.</summary>
    ValueTask<GroupSummaryResult> GetSummaryAsync(long nowMs);

    /// <summary>XINFO CONSUMERS.</summary>
    ValueTask<ConsumersResult> GetConsumersAsync(long nowMs);

    /// <summary>XGROUPPOLICY SET: replaces the policy (counters are kept). Ok or the group's absence.</summary>
    ValueTask<ConsumerGroupStatus> SetPolicyAsync(GroupPolicy policy, long nowMs);

    /// <summary>XGROUPPOLICY GET.</summary>
    ValueTask<GroupPolicyResult> GetPolicyAsync(long nowMs);

    /// <summary>XGROUPPOLICY DEL: the group behaves as in Redis again; its counters are dropped. 1 if it had a policy.</summary>
    ValueTask<GroupCountResult> DeletePolicyAsync(long nowMs);

    /// <summary>This group's element of XINFO STREAM FULL; <paramref name="count"/> limits each pending list (0 = all).</summary>
    ValueTask<GroupDetailsResult> GetDetailsAsync(long count, long nowMs);
}
