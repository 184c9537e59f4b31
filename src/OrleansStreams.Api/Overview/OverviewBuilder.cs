using System.Globalization;
using OrleansStreams.Api.Streams;
using OrleansStreams.Client;

namespace OrleansStreams.Api.Overview;

/// <summary>Gathers the overview: SCAN TYPE stream, then per stream XINFO STREAM and GROUPS, per group XPENDING and XGROUPPOLICY GET.</summary>
public sealed class OverviewBuilder(StreamsClient client, TimeProvider timeProvider)
{
    public async Task<OverviewResponse> BuildAsync(int limit, CancellationToken cancellationToken)
    {
        var names = await StreamDirectory.ListAsync(client, null, limit + 1, cancellationToken);
        var truncated = names.Count > limit;
        if (truncated) names.RemoveRange(limit, names.Count - limit);
        var policySupport = new PolicySupport();
        // The client pipelines concurrent calls, so streams are gathered side by side.
        var gathered = await Task.WhenAll(names.Select(name => GatherStreamAsync(name, policySupport, cancellationToken)));
        var nowMs = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var present = gathered.OfType<GatheredStream>().ToList();

        var deadLetterSources = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var stream in present)
        {
            foreach (var group in stream.Groups)
            {
                if (group.Policy?.DeadLetter is not { Length: > 0 } deadLetter) continue;
                if (!deadLetterSources.TryGetValue(deadLetter, out var sources)) deadLetterSources[deadLetter] = sources = [];
                sources.Add($"{stream.Name}/{group.Info.Name}");
            }
        }
        var lengths = present.ToDictionary(stream => stream.Name, stream => stream.Info.Length, StringComparer.Ordinal);

        var streams = present.Select(stream => new StreamOverview(
            stream.Name,
            stream.Info.Length,
            stream.Info.EntriesAdded ?? 0,
            stream.Info.LastGeneratedId,
            stream.Info.FirstEntry?.Id,
            stream.Info.LastEntry?.Id,
            stream.Info.Groups,
            deadLetterSources.ContainsKey(stream.Name))).ToList();
        var groups = present.SelectMany(stream => stream.Groups.Select(group => ToOverview(stream.Name, group, nowMs))).ToList();
        var deadLetters = deadLetterSources
            .Select(pair => new DeadLetterOverview(pair.Key, lengths.GetValueOrDefault(pair.Key), pair.Value))
            .ToList();
        return new OverviewResponse(nowMs, streams, groups, deadLetters, truncated);
    }

    private async Task<GatheredStream?> GatherStreamAsync(string name, PolicySupport policySupport, CancellationToken cancellationToken)
    {
        StreamInfo info;
        IReadOnlyList<GroupInfo> groups;
        try
        {
            info = await client.XInfoStreamAsync(name, cancellationToken);
            groups = info.Groups > 0 ? await client.XInfoGroupsAsync(name, cancellationToken) : [];
        }
        catch (StreamsServerException exception) when (exception.Message.StartsWith("ERR no such key", StringComparison.Ordinal))
        {
            return null; // deleted since the scan
        }
        var details = await Task.WhenAll(groups.Select(group => GatherGroupAsync(name, group, policySupport, cancellationToken)));
        return new GatheredStream(name, info, details);
    }

    private async Task<GatheredGroup> GatherGroupAsync(string stream, GroupInfo group, PolicySupport policySupport, CancellationToken cancellationToken)
    {
        PendingEntry? oldest = null;
        GroupPolicyInfo? policy = null;
        try
        {
            if (group.Pending > 0)
            {
                var first = await client.XPendingRangeAsync(stream, group.Name, "-", "+", 1, cancellationToken: cancellationToken);
                oldest = first.Count > 0 ? first[0] : null;
            }
            if (policySupport.Available) policy = await client.XGroupPolicyGetAsync(stream, group.Name, cancellationToken);
        }
        catch (StreamsServerException exception) when (exception.Message.StartsWith("ERR unknown command", StringComparison.Ordinal))
        {
            policySupport.Available = false; // a silo without group policies: the dashboard shows none
        }
        catch (StreamsServerException exception) when (exception.ErrorCode == "NOGROUP")
        {
            // destroyed since XINFO GROUPS: shown with what XINFO said
        }
        return new GatheredGroup(group, oldest, policy is null ? null : ToOverview(policy));
    }

    private static GroupOverview ToOverview(string stream, GatheredGroup group, long nowMs) => new(
        stream,
        group.Info.Name,
        group.Info.Consumers,
        group.Info.Pending,
        group.Info.Lag,
        group.Info.LastDeliveredId,
        group.Info.EntriesRead,
        group.Oldest?.Id,
        group.Oldest is { } oldest && MillisecondsOf(oldest.Id) is { } appendedMs ? Math.Max(0, nowMs - appendedMs) : null,
        group.Oldest is { } pending ? (long)pending.Idle.TotalMilliseconds : null,
        group.Policy);

    private static PolicyOverview? ToOverview(GroupPolicyInfo policy)
    {
        var overview = new PolicyOverview(
            policy.ClaimIdle is { } idle ? (long)idle.TotalMilliseconds : null,
            policy.MaxDeliveries,
            policy.DeadLetter,
            policy.Reclaimed,
            policy.DeadLettered);
        return overview is { ClaimIdleMs: null, MaxDeliveries: null, DeadLetter: null } ? null : overview;
    }

    /// <summary>The milliseconds part of an entry ID ("1700000000000-0").</summary>
    private static long? MillisecondsOf(string id)
    {
        var dash = id.IndexOf('-', StringComparison.Ordinal);
        var ms = dash < 0 ? id : id[..dash];
        return long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    private sealed record GatheredStream(string Name, StreamInfo Info, IReadOnlyList<GatheredGroup> Groups);

    private sealed record GatheredGroup(GroupInfo Info, PendingEntry? Oldest, PolicyOverview? Policy);

    /// <summary>Set once a call shows the silo has no XGROUPPOLICY, so the rest of the overview does not ask again.</summary>
    private sealed class PolicySupport
    {
        public volatile bool Available = true;
    }
}
