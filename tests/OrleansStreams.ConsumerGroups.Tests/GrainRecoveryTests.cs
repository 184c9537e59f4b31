using Microsoft.Extensions.DependencyInjection;
using OrleansStreams.GrainHost;
using OrleansStreams.Grains.ConsumerGroups;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>The group grain rebuilds its state from its journal after deactivation, and never revives a stale group.</summary>
public sealed class GrainRecoveryTests
{
    [Fact]
    public async Task Group_AfterDeactivation_ComesBackWithTheSameState()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s");
        for (var i = 1; i <= 6; i++) stream.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0", entriesRead: -1);
        await group.ReadAsync("alice", now: 100, count: 3);
        await group.ReadAsync("bob", now: 110, count: 1, noAck: true);
        await group.ReadAsync("bob", now: 120, count: 1);
        await group.ReadAsync("alice", "0", now: 130);
        await group.AckAsync(140, "1");
        stream.Delete("3");
        await group.ClaimAsync("carol", 0, ["2", "3"], now: 150, retryCount: 7, lastId: "9");
        await group.AutoClaimAsync("dave", 0, "-", now: 160, count: 1);
        await group.CreateConsumerAsync("erin", now: 170);
        await group.CreateConsumerAsync("frank", now: 175);
        await group.DeleteConsumerAsync("frank", now: 180);
        await group.SetIdAsync("6", now: 190, entriesRead: 6);
        var before = await DescribeAsync(group);

        await host.DeactivateAllAsync();

        Assert.Equal(before, await DescribeAsync(group));
        Assert.Contains("consumer dave 160 160 1 [2-0 160 8]", before);
    }

    [Fact]
    public async Task Group_WithALongJournal_IsCompactedIntoASnapshotAndStillRecovers()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s");
        for (var i = 1; i <= 50; i++) stream.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 1, count: 5);
        for (var i = 0; i < 400; i++) await group.ReadAsync("alice", "0", now: 2 + i);
        var before = await DescribeAsync(group);

        var storage = host.Services.GetRequiredService<IJournalStorage>();
        var journal = await storage.ReadAsync(new GrainId(ConsumerGroupGrain.GrainType, ConsumerGroupKey.Create("s", "g")), ConsumerGroupGrain.JournalName, default);
        Assert.NotNull(journal.Snapshot);
        Assert.True(journal.Records.Count < 400, $"{journal.Records.Count} records were left after compaction.");

        await host.DeactivateAllAsync();

        Assert.Equal(before, await DescribeAsync(group));
        Assert.Equal(["1-0 alice 0 401"], (await group.PendingLinesAsync(401)).Take(1));
    }

    [Fact]
    public async Task Group_DestroyedBeforeDeactivation_StaysGone()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");
        await group.DestroyAsync();

        await host.DeactivateAllAsync();

        Assert.Equal(ConsumerGroupStatus.NoGroup, await group.ExistsAsync());
    }

    [Fact]
    public async Task Group_WhoseStreamWasDeletedAndMadeAgainWhileInactive_DoesNotComeBack()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");
        await host.DeactivateAllAsync();

        stream.DeleteKey();
        stream.Add("2", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, await group.ExistsAsync());
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("0"));
        Assert.Equal(0, (await group.PendingAsync()).Count);
    }

    [Fact]
    public async Task Group_WhoseRegistrationTheStreamLost_IsForgottenOnActivation()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");
        await host.DeactivateAllAsync();

        stream.ForgetGroup("g");

        Assert.Equal(ConsumerGroupStatus.NoGroup, await group.ExistsAsync());
    }

    [Fact]
    public async Task Create_WhenTheStreamStillHoldsAnOrphanedRegistration_AdoptsIt()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        await stream.RegisterGroupAsync("g", makeStream: false, 0);
        var group = host.Group("s", "g");

        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("0"));

        Assert.Equal(["g"], stream.Groups);
        Assert.Equal(["1-0 f v"], await group.ReadEntriesAsync("c"));
        await host.DeactivateAllAsync();
        Assert.Equal(ConsumerGroupStatus.Ok, await group.ExistsAsync());
    }

    private static async Task<string[]> DescribeAsync(GroupClient group)
    {
        var details = await group.DetailsAsync(count: 0);
        var lines = new List<string> { $"group {details.LastDeliveredId} {details.EntriesRead} {details.Lag} {details.PelCount}" };
        lines.AddRange(details.Pending.Select(p => $"pending {p.Id} {p.Consumer} {p.DeliveryTimeMs} {p.DeliveryCount}"));
        lines.AddRange(details.Consumers.Select(c =>
            $"consumer {c.Name} {c.SeenTimeMs} {c.ActiveTimeMs} {c.PelCount} [{string.Join(", ", c.Pending.Select(p => $"{p.Id} {p.DeliveryTimeMs} {p.DeliveryCount}"))}]"));
        return [.. lines];
    }
}
