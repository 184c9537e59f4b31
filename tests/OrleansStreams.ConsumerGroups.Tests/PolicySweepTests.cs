using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// XGROUPPOLICY's idle-claim sweeps, driven by the group grain's timer on a manual clock: idle entries go to the
/// next XREADGROUP &gt; of any consumer, oldest first, claimed as XCLAIM would; a group without a policy never is.
/// </summary>
public sealed class PolicySweepTests
{
    private const long ClaimIdle = 1000;

    [Fact]
    public async Task IdleEntries_AfterASweep_GoToAnotherConsumer_OldestFirst_WithTheDeliveryCountRaised()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        Assert.Equal(ConsumerGroupStatus.Ok, await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs));
        Assert.Equal(3, (await group.ReadEntriesAsync("alice", now: host.Clock.NowMs)).Length);

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle - 1));
        Assert.False((await group.ReadAsync("bob", now: host.Clock.NowMs)).Served);

        host.Clock.Advance(TimeSpan.FromMilliseconds(1));
        var now = host.Clock.NowMs;
        Assert.Equal(["1-0 a 1", "2-0 b 2"], await group.ReadEntriesAsync("bob", now: now, count: 2));
        Assert.Equal(["3-0 c 3"], await group.ReadEntriesAsync("carol", now: now));
        Assert.Equal(["1-0 bob 0 2", "2-0 bob 0 2", "3-0 carol 0 2"], await group.PendingLinesAsync(now));
        var policy = (await group.GetPolicyAsync(now)).Info!;
        Assert.Equal((3L, 0L), (policy.Reclaimed, policy.DeadLettered));
    }

    [Fact]
    public async Task ReclaimedEntries_ComeBeforeNewOnes_AndCountUpToCount()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        stream.Add("3", "c", "3").Add("4", "d", "4");

        var now = host.Clock.NowMs;
        Assert.Equal(["1-0 a 1", "2-0 b 2", "3-0 c 3"], await group.ReadEntriesAsync("bob", now: now, count: 3));
        Assert.Equal(["4-0 d 4"], await group.ReadEntriesAsync("bob", now: now));
        Assert.Equal(["1-0 bob 0 2", "2-0 bob 0 2", "3-0 bob 0 1", "4-0 bob 0 1"], await group.PendingLinesAsync(now));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(250)]
    [InlineData(499)]
    public async Task AnEntryIdleForClaimIdle_IsHandledWithinHalfOfClaimIdleMore(int deliveredAfterMs)
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(deliveredAfterMs));
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle - 1));
        Assert.Equal(0, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.Reclaimed);
        host.Clock.Advance(TimeSpan.FromMilliseconds(1 + (ClaimIdle / 2)));

        Assert.Equal(1, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.Reclaimed);
        Assert.Equal(["1-0 a 1"], await group.ReadEntriesAsync("bob", now: host.Clock.NowMs));
    }

    [Fact]
    public async Task AnEntryAcknowledgedOrReadAgainByItsOwner_IsNotHandedToAnotherConsumer()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        Assert.Equal(2, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.Reclaimed);

        await group.AckAsync(host.Clock.NowMs, "1");
        Assert.Equal(["2-0 b 2"], await group.ReadEntriesAsync("alice", "0", now: host.Clock.NowMs));

        Assert.False((await group.ReadAsync("bob", now: host.Clock.NowMs)).Served);
        Assert.Equal(["2-0 alice 0 2"], await group.PendingLinesAsync(host.Clock.NowMs));
    }

    [Fact]
    public async Task GroupWithoutPolicy_KeepsItsIdleEntriesPending_AsRedisDoes()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        host.Clock.Advance(TimeSpan.FromSeconds(30));

        Assert.False((await group.ReadAsync("bob", now: host.Clock.NowMs)).Served);
        Assert.Equal(["1-0 alice 30000 1"], await group.PendingLinesAsync(host.Clock.NowMs));
        Assert.Null((await group.GetPolicyAsync(host.Clock.NowMs)).Info);
        Assert.Null((await group.SummaryAsync(host.Clock.NowMs)).Policy);
    }

    [Fact]
    public async Task PolicyDel_StopsTheSweepsAndTheReminder()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        Assert.Equal(1, host.Reminders.Count);
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        Assert.Equal(1, (await group.DeletePolicyAsync(host.Clock.NowMs)).Value);
        Assert.Equal(0, (await group.DeletePolicyAsync(host.Clock.NowMs)).Value);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle * 5));

        Assert.Equal(0, host.Reminders.Count);
        Assert.False((await group.ReadAsync("bob", now: host.Clock.NowMs)).Served);
        Assert.Null((await group.GetPolicyAsync(host.Clock.NowMs)).Info);
    }

    [Fact]
    public async Task Policy_OnAMissingGroupOrKey_ReportsWhichIsMissing()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");

        Assert.Equal(ConsumerGroupStatus.NoGroup, await host.Group("s", "nope").SetPolicyAsync(ClaimIdle));
        Assert.Equal(ConsumerGroupStatus.NoKey, await host.Group("missing", "g").SetPolicyAsync(ClaimIdle));
        Assert.Equal(ConsumerGroupStatus.NoGroup, (await host.Group("s", "nope").GetPolicyAsync()).Status);
        Assert.Equal(0, host.Reminders.Count);
    }

    [Fact]
    public async Task SetAgain_ChangesTheSettings_AndKeepsTheCounters()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));

        await group.SetPolicyAsync(ClaimIdle * 10, 5, "dlq", now: host.Clock.NowMs);

        Assert.Equal(new GroupPolicyInfo(new GroupPolicy(ClaimIdle * 10, 5, "dlq"), 1, 0), (await group.GetPolicyAsync(host.Clock.NowMs)).Info);
        Assert.Equal(new GroupPolicyInfo(new GroupPolicy(ClaimIdle * 10, 5, "dlq"), 1, 0), (await group.SummaryAsync(host.Clock.NowMs)).Policy);
    }

    [Fact]
    public async Task Sweeps_KeepAGroupWithPendingEntriesFromIdleCollection()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        for (var i = 0; i < 3; i++)
        {
            host.Clock.Advance(GroupTestHost.CollectionAge);
            await host.Runtime.CollectIdleActivationsAsync().WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal(1, host.Runtime.ActivationCount);
        }

        // Still swept: the entry went idle long ago, and a newly delivered one is swept too.
        stream.Add("2", "b", "2");
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        Assert.Equal(["1-0 a 1", "2-0 b 2"], await group.ReadEntriesAsync("bob", now: host.Clock.NowMs));
    }
}
