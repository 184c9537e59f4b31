namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>The group parts of XINFO GROUPS, XINFO CONSUMERS and XINFO STREAM FULL (reference section 5.6).</summary>
public sealed class GroupInfoTests
{
    [Fact]
    public async Task Summary_ShowsTheGroupsCountersInReplyOrder()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "mygroup");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", count: 1);
        await group.ReadAsync("bob", count: 1, noAck: true);
        await group.CreateConsumerAsync("carol");

        Assert.Equal(new GroupSummary("mygroup", 3, 1, Ids.Parse("2-0"), 2, 1), await group.SummaryAsync());
    }

    [Fact]
    public async Task Consumers_ShowIdleSinceTheLastAttemptAndInactiveSinceTheLastSuccess()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("$", makeStream: true);
        await group.ReadAsync("Alice", now: 1000, count: 1);
        Assert.Equal(new ConsumerSummary("Alice", 0, 100, -1), Assert.Single((await group.ConsumersAsync(now: 1100)).Consumers));

        stream.Add("1", "f", "v");
        await group.ReadAsync("Alice", now: 1100, count: 1);
        Assert.Equal(new ConsumerSummary("Alice", 1, 0, 0), Assert.Single((await group.ConsumersAsync(now: 1100)).Consumers));

        await group.ReadAsync("Alice", now: 1200, count: 1);
        Assert.Equal(new ConsumerSummary("Alice", 1, 0, 100), Assert.Single((await group.ConsumersAsync(now: 1200)).Consumers));
    }

    [Fact]
    public async Task Consumers_WithoutGroupOrKey_ReportWhichIsMissing()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, (await host.Group("s", "g").ConsumersAsync()).Status);
        Assert.Equal(ConsumerGroupStatus.NoKey, (await host.Group("missing", "g").ConsumersAsync()).Status);
    }

    [Fact]
    public async Task Details_ShowPelsAndConsumersLikeXinfoStreamFull()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x").Add("100", "a", "1").Add("101", "b", "1").Add("102", "c", "1").Add("103", "e", "1").Add("104", "f", "1");
        var g1 = host.Group("x", "g1");
        var g2 = host.Group("x", "g2");
        await g1.CreateAsync("0");
        await g2.CreateAsync("0");
        await g1.ReadAsync("Alice", now: 10, count: 1);
        await g1.ReadAsync("Bob", now: 20, count: 1);
        await g1.ReadAsync("Bob", now: 30, count: 1, noAck: true);
        await g2.ReadAsync("Charlie", now: 40, count: 4);
        stream.Delete("103");

        var first = await g1.DetailsAsync(count: 10);
        Assert.Equal("g1", first.Name);
        Assert.Equal("102-0", first.LastDeliveredId.ToString());
        Assert.Equal(3, first.EntriesRead);
        Assert.Null(first.Lag);
        Assert.Equal(2, first.PelCount);
        Assert.Equal([new GroupPendingEntry(Ids.Parse("100"), "Alice", 10, 1), new GroupPendingEntry(Ids.Parse("101"), "Bob", 20, 1)], first.Pending);
        Assert.Equal(["Alice", "Bob"], first.Consumers.Select(c => c.Name));
        var bob = first.Consumers[1];
        Assert.Equal((30, 20, 1), (bob.SeenTimeMs, bob.ActiveTimeMs, bob.PelCount));
        Assert.Equal([new ConsumerPendingEntry(Ids.Parse("101"), 20, 1)], bob.Pending);

        var second = await g2.DetailsAsync(count: 10);
        var charlie = Assert.Single(second.Consumers);
        Assert.Equal(["100-0", "101-0", "102-0", "103-0"], charlie.Pending.Select(p => p.Id.ToString()));

        var limited = await g2.DetailsAsync(count: 1);
        Assert.Equal(4, limited.PelCount);
        Assert.Equal(["100-0"], limited.Pending.Select(p => p.Id.ToString()));
        Assert.Equal(["100-0"], Assert.Single(limited.Consumers).Pending.Select(p => p.Id.ToString()));
        Assert.Equal(4, (await g2.DetailsAsync(count: 0)).Pending.Count);
    }
}
