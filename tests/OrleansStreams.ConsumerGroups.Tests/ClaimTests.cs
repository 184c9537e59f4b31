namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XCLAIM (reference section 5.4).</summary>
public sealed class ClaimTests
{
    [Fact]
    public async Task Claim_MovesAnIdleEntryToAnotherConsumer()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("0");
        Assert.Equal(["1-0 a 1"], await group.ReadEntriesAsync("consumer1", now: 0, count: 1));

        var claim = await group.ClaimAsync("consumer2", 10, ["1-0"], now: 200);

        Assert.Equal(["1-0 a 1"], Ids.Show(claim.Entries));
        Assert.Empty(await group.PendingLinesAsync(200, "consumer1"));
        Assert.Equal(["1-0 consumer2 0 2"], await group.PendingLinesAsync(200, "consumer2"));

        await group.ReadAsync("consumer1", now: 200, count: 2);
        stream.Delete("2-0");
        Assert.Empty(Ids.Show((await group.ClaimAsync("consumer2", 10, ["2-0"], now: 400)).Entries));
        stream.Delete("3-0");
        Assert.Empty(Ids.Show((await group.ClaimAsync("consumer2", 10, ["3-0"], now: 600)).Entries));
        Assert.Equal(["1-0"], (await group.PendingAsync(600, "-", "+", 10)).Entries.Select(e => e.Id.ToString()));
    }

    [Fact]
    public async Task Claim_IncrementsTheDeliveryCountUnlessJustId()
    {
        await using var host = new GroupTestHost();
        host.Stream("mystream").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("0");
        await group.ReadAsync("consumer1", now: 0, count: 1);

        Assert.Equal(["1-0 a 1"], Ids.Show((await group.ClaimAsync("consumer2", 10, ["1-0"], now: 200)).Entries));
        Assert.Equal(["1-0 consumer2 0 2"], await group.PendingLinesAsync(200));

        var justId = await group.ClaimAsync("consumer3", 10, ["1-0"], now: 400, justId: true);
        Assert.Equal(["1-0"], Ids.Show(justId.Ids));
        Assert.Empty(Ids.Show(justId.Entries));
        Assert.Equal(["1-0 consumer3 0 2"], await group.PendingLinesAsync(400));
    }

    [Fact]
    public async Task Claim_ByTheSameConsumer_IsAllowed()
    {
        await using var host = new GroupTestHost();
        host.Stream("mystream").Add("1", "a", "1");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("0");
        await group.ReadAsync("consumer1", now: 0);

        Assert.Single(Ids.Show((await group.ClaimAsync("consumer1", 10, ["1-0"], now: 200)).Entries));
        Assert.Equal(["1-0 consumer1 0 2"], await group.PendingLinesAsync(200));
    }

    [Fact]
    public async Task Claim_OfDeletedEntries_DropsThemFromThePelAndLeavesThemOut()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x").Add("1-0", "f", "v").Add("2-0", "f", "v").Add("3-0", "f", "v");
        var group = host.Group("x", "grp");
        await group.CreateAsync("0");
        Assert.Equal(["1-0 f v", "2-0 f v", "3-0 f v"], await group.ReadEntriesAsync("Alice"));
        stream.Delete("2-0");

        Assert.Equal(["1-0 f v", "3-0 f v"], Ids.Show((await group.ClaimAsync("Bob", 0, ["1-0", "2-0", "3-0"], now: 0)).Entries));

        Assert.Empty(await group.PendingLinesAsync(0, "Alice"));
        Assert.Equal(2, (await group.PendingAsync()).Count);
    }

    [Fact]
    public async Task Claim_OfTrimmedEntries_DropsThemFromThePel()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x").Add("1-0", "f", "v").Add("2-0", "f", "v").Add("3-0", "f", "v");
        var group = host.Group("x", "grp");
        await group.CreateAsync("0");
        await group.ReadAsync("Alice");
        stream.TrimToLength(1);

        Assert.Equal(["3-0 f v"], Ids.Show((await group.ClaimAsync("Bob", 0, ["1-0", "2-0", "3-0"], now: 0)).Entries));

        Assert.Empty(await group.PendingLinesAsync(0, "Alice"));
        Assert.Equal(1, (await group.PendingAsync()).Count);
    }

    [Fact]
    public async Task Claim_OfAnEntryIdleLessThanMinIdle_ClaimsNothingButCreatesTheConsumer()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 0);

        var claim = await group.ClaimAsync("bob", 100, ["1-0"], now: 50);

        Assert.Empty(claim.Ids);
        Assert.Equal(["1-0 alice 50 1"], await group.PendingLinesAsync(50));
        Assert.Equal(
            [new ConsumerSummary("alice", 1, 50, 50), new ConsumerSummary("bob", 0, 0, -1)],
            (await group.ConsumersAsync(now: 50)).Consumers);
    }

    [Fact]
    public async Task Claim_WithForce_CreatesPendingEntriesCountingTwoUnlessJustId()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        Assert.Empty((await group.ClaimAsync("bob", 0, ["1-0"], now: 100)).Ids);
        Assert.Equal(["1-0 f v"], Ids.Show((await group.ClaimAsync("bob", 1000, ["1-0"], now: 100, force: true)).Entries));
        Assert.Equal(["2-0"], Ids.Show((await group.ClaimAsync("bob", 0, ["2-0"], now: 100, force: true, justId: true)).Ids));
        Assert.Empty((await group.ClaimAsync("bob", 0, ["9-0"], now: 100, force: true)).Ids);

        Assert.Equal(["1-0 bob 0 2", "2-0 bob 0 1"], await group.PendingLinesAsync(100));
    }

    [Fact]
    public async Task Claim_WithRetryCount_SetsTheDeliveryCount()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 0);

        await group.ClaimAsync("bob", 0, ["1-0"], now: 10, retryCount: 5);
        await group.ClaimAsync("bob", 0, ["2-0"], now: 10, retryCount: -1);

        Assert.Equal(["1-0 bob 0 5", "2-0 bob 0 2"], await group.PendingLinesAsync(10));
    }

    [Fact]
    public async Task Claim_WithDeliveryTime_UsesItUnlessNegativeOrInTheFuture()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 0);

        await group.ClaimAsync("bob", 0, ["1-0"], now: 1000, deliveryTime: 700);
        await group.ClaimAsync("bob", 0, ["2-0"], now: 1000, deliveryTime: 2000);
        await group.ClaimAsync("bob", 0, ["3-0"], now: 1000, deliveryTime: -5);

        Assert.Equal(["1-0 bob 400 2", "2-0 bob 100 2", "3-0 bob 100 2"], await group.PendingLinesAsync(1100));
    }

    [Fact]
    public async Task Claim_WithLastId_RaisesTheCursorOnlyForwardAndKeepsEntriesRead()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("1", entriesRead: 1);

        await group.ClaimAsync("bob", 0, ["1-0"], now: 0, lastId: "5-0");
        var summary = await group.SummaryAsync();
        Assert.Equal("5-0", summary.LastDeliveredId.ToString());
        Assert.Equal(1, summary.EntriesRead);

        await group.ClaimAsync("bob", 0, ["1-0"], now: 0, lastId: "3-0");
        Assert.Equal("5-0", (await group.SummaryAsync()).LastDeliveredId.ToString());
    }

    [Fact]
    public async Task Claim_OfTheSameIdTwice_ClaimsItTwice()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 0);

        var claim = await group.ClaimAsync("bob", 0, ["1-0", "1-0"], now: 10);

        Assert.Equal(["1-0 f v", "1-0 f v"], Ids.Show(claim.Entries));
        Assert.Equal(["1-0 bob 0 3"], await group.PendingLinesAsync(10));
    }

    [Fact]
    public async Task Claim_MakesTheConsumerActive()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 0);

        await group.ClaimAsync("bob", 0, ["1-0"], now: 100);

        Assert.Equal(new ConsumerSummary("bob", 1, 50, 50), (await group.ConsumersAsync(now: 150)).Consumers[1]);
    }

    [Fact]
    public async Task Claim_WithoutGroup_ReportsNoGroup()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, (await host.Group("s", "g").ClaimAsync("bob", 0, ["1-0"], now: 0)).Status);
    }
}
