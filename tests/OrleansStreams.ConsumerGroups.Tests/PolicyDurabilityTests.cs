using OrleansStreams.GrainHost;
using OrleansStreams.Grains.ConsumerGroups;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// A group's policy, counters and marks come back from its journal, and its sweeps resume after a restart through
/// the durable reminder, before any client calls the group again.
/// </summary>
public sealed class PolicyDurabilityTests
{
    private const long ClaimIdle = 1000;

    [Fact]
    public async Task Sweeping_AfterARestart_ResumesWithoutAnyClientCall()
    {
        var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        await host.DisposeAsync();

        await using var restarted = host.Restart();
        await restarted.Reminders.StartAsync(CancellationToken.None);
        restarted.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        Assert.Equal(0, restarted.Runtime.ActivationCount);

        await restarted.Reminders.FireDueRemindersAsync().WaitAsync(TimeSpan.FromSeconds(10));

        // The reminder activated the group and it swept on its own: the entries are marked before anyone asks.
        Assert.Equal(1, restarted.Runtime.ActivationCount);
        var journal = await restarted.Journals.ReadAsync(new GrainId(ConsumerGroupGrain.GrainType, ConsumerGroupKey.Create("s", "g")), ConsumerGroupGrain.JournalName, CancellationToken.None);
        Assert.Contains(journal.Records, r => r.Span[1] == 14);
        var again = restarted.Group("s", "g");
        Assert.Equal(["1-0 a 1", "2-0 b 2"], await again.ReadEntriesAsync("bob", now: restarted.Clock.NowMs));
        Assert.Equal(2, (await again.GetPolicyAsync(restarted.Clock.NowMs)).Info!.Reclaimed);
    }

    [Fact]
    public async Task PolicyCountersAndMarks_ComeBackFromTheJournal()
    {
        var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 2, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs, count: 1);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        await group.ReadAsync("bob", now: host.Clock.NowMs, count: 1);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        var policyBefore = (await group.GetPolicyAsync(host.Clock.NowMs)).Info;
        var pendingBefore = await group.PendingLinesAsync(host.Clock.NowMs);
        Assert.Equal(1, policyBefore!.DeadLettered);
        Assert.Equal(3, policyBefore.Reclaimed);
        await host.DisposeAsync();

        await using var restarted = host.Restart();
        var again = restarted.Group("s", "g");

        Assert.Equal(policyBefore, (await again.GetPolicyAsync(restarted.Clock.NowMs)).Info);
        Assert.Equal(pendingBefore, await again.PendingLinesAsync(restarted.Clock.NowMs));
        // The marks survived too: the idle entries go to the next reader without waiting for another sweep.
        Assert.Equal(["2-0 b 2", "3-0 c 3"], await again.ReadEntriesAsync("carol", now: restarted.Clock.NowMs));
    }

    [Fact]
    public async Task DestroyedGroup_DropsItsReminder()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        Assert.Equal(1, host.Reminders.Count);

        await group.DestroyAsync(host.Clock.NowMs);

        Assert.Equal(0, host.Reminders.Count);
    }
}
