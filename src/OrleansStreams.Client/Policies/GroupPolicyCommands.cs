namespace OrleansStreams.Client;

/// <summary>XGROUPPOLICY, an OrleansStreams extension (not in Redis): idle-claim sweeps and dead letters for a group.</summary>
public static class GroupPolicyCommands
{
    /// <summary>XGROUPPOLICY SET key group [CLAIMIDLE ms] [MAXDELIVERIES n] [DEADLETTER key].</summary>
    public static async Task XGroupPolicySetAsync(this StreamsClient client, string key, string group, GroupPolicy policy, CancellationToken cancellationToken = default)
    {
        var command = new CommandBuilder("XGROUPPOLICY SET").Add(key).Add(group);
        policy.AddTo(command);
        await client.SendCheckedAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>XGROUPPOLICY GET: claim-idle, max-deliveries (0 = no limit), dead-letter, reclaimed, dead-lettered; null when the group has no policy.</summary>
    public static async Task<GroupPolicyInfo?> XGroupPolicyGetAsync(this StreamsClient client, string key, string group, CancellationToken cancellationToken = default)
    {
        var reply = await client.SendCheckedAsync(new CommandBuilder("XGROUPPOLICY GET").Add(key).Add(group), cancellationToken).ConfigureAwait(false);
        return reply.IsNull ? null : new GroupPolicyInfo(ReplyReading.Map(reply));
    }

    /// <summary>XGROUPPOLICY DEL: removes the policy and its counters. Returns 1 for the server's OK.</summary>
    public static async Task<long> XGroupPolicyDelAsync(this StreamsClient client, string key, string group, CancellationToken cancellationToken = default)
    {
        var reply = await client.SendCheckedAsync(new CommandBuilder("XGROUPPOLICY DEL").Add(key).Add(group), cancellationToken).ConfigureAwait(false);
        return reply.IsOk ? 1 : reply.AsInt64();
    }
}
