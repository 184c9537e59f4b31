namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XPENDING's summary and extended forms (reference section 5.3).</summary>
public sealed class PendingTests
{
    [Fact]
    public async Task Summary_OfAnEmptyPel_IsZero()
    {
        await using var host = new GroupTestHost();
        var group = host.Group("s", "g");
        await group.CreateAsync("$", makeStream: true);

        var summary = await group.PendingAsync();

        Assert.Equal(ConsumerGroupStatus.Ok, summary.Status);
        Assert.Equal(0, summary.Count);
        Assert.Empty(summary.Consumers);
    }

    [Fact]
    public async Task Summary_ListsTheBoundsAndTheConsumersWithPendingEntriesInByteOrder()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("bob", count: 2);
        await group.ReadAsync("Alice", count: 1);
        await group.ReadAsync("carol");

        var summary = await group.PendingAsync();

        Assert.Equal(3, summary.Count);
        Assert.Equal("1-0", summary.Smallest.ToString());
        Assert.Equal("3-0", summary.Greatest.ToString());
        Assert.Equal([new ConsumerPendingCount("Alice", 1), new ConsumerPendingCount("bob", 2)], summary.Consumers);
    }

    [Fact]
    public async Task Range_WithIdle_SkipsEntriesDeliveredMoreRecently()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v").Add("4", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("consumer-1", now: 1000, count: 2);
        await group.ReadAsync("consumer-2", now: 1200, count: 2);

        Assert.Empty((await group.PendingAsync(1300, "-", "+", 10, "consumer-1", idle: 99999999)).Entries);
        Assert.Equal(2, (await group.PendingAsync(1300, "-", "+", 10, "consumer-1", idle: 1)).Entries.Count);
        Assert.Empty((await group.PendingAsync(1300, "-", "+", 10, idle: 99999999)).Entries);
        Assert.Equal(4, (await group.PendingAsync(1300, "-", "+", 10, idle: 1)).Entries.Count);
        Assert.Equal(["1-0", "2-0"], (await group.PendingAsync(1300, "-", "+", 10, idle: 200)).Entries.Select(e => e.Id.ToString()));
    }

    [Fact]
    public async Task Range_ReturnsEntriesBetweenInclusiveBoundsUpToCount()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v").Add("4", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c", now: 10);

        Assert.Equal(["2-0", "3-0"], (await group.PendingAsync(20, "2", "3", 10)).Entries.Select(e => e.Id.ToString()));
        Assert.Equal(["1-0"], (await group.PendingAsync(20, "-", "+", 1)).Entries.Select(e => e.Id.ToString()));
        Assert.Empty((await group.PendingAsync(20, "-", "+", 0)).Entries);
        Assert.Empty((await group.PendingAsync(20, "3", "2", 10)).Entries);
        Assert.Equal(new PendingEntryInfo(Ids.Parse("4"), "c", 10, 1), Assert.Single((await group.PendingAsync(20, "4", "+", 10)).Entries));
    }

    [Fact]
    public async Task Range_ForAnUnknownConsumer_IsEmpty()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        var result = await group.PendingAsync(0, "-", "+", 10, "nobody");

        Assert.Equal(ConsumerGroupStatus.Ok, result.Status);
        Assert.Empty(result.Entries);
    }

    [Fact]
    public async Task Pending_WithoutGroup_ReportsNoGroup()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, (await host.Group("s", "g").PendingAsync()).Status);
        Assert.Equal(ConsumerGroupStatus.NoKey, (await host.Group("missing", "g").PendingAsync(0, "-", "+", 10)).Status);
    }
}
