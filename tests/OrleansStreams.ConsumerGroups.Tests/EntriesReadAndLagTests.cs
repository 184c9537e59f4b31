namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// entries-read and lag (reference section 7), replaying the scenarios of Redis's tests "Consumer group read counter
/// and lag in empty streams", "... sanity", "Consumer group lag with XDELs", "... and tombstone after the last_id of
/// consume group" and "Consumer group lag with XTRIM".
/// </summary>
public sealed class EntriesReadAndLagTests
{
    [Fact]
    public async Task Lag_InEmptyStreams_IsZeroAndEntriesReadUnknown()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x");
        var g1 = host.Group("x", "g1");
        Assert.Equal(ConsumerGroupStatus.Ok, await g1.CreateAsync("0", makeStream: true));
        await AssertProgressAsync(g1, entriesRead: null, lag: 0);

        stream.Add("1-0", "data", "a");
        stream.Delete("1-0");
        Assert.Equal("1-0", stream.MaxDeletedId.ToString());
        Assert.Equal(1, stream.EntriesAdded);
        await AssertProgressAsync(g1, entriesRead: null, lag: 0);
    }

    [Fact]
    public async Task EntriesRead_CountsEachDeliveryAndLagFollows()
    {
        await using var host = new GroupTestHost();
        var stream = AddFive(host);
        var g1 = host.Group("x", "g1");
        await g1.CreateAsync("0");
        await AssertProgressAsync(g1, entriesRead: null, lag: 5);

        await g1.ReadAsync("c11", count: 1);
        await AssertProgressAsync(g1, entriesRead: 1, lag: 4);

        await g1.ReadAsync("c12", count: 10);
        await AssertProgressAsync(g1, entriesRead: 5, lag: 0);

        stream.Add("6-0", "data", "f");
        await AssertProgressAsync(g1, entriesRead: 5, lag: 1);
    }

    [Fact]
    public async Task Lag_WithDeletedEntryAhead_IsUnknownUntilTheLastEntryIsRead()
    {
        await using var host = new GroupTestHost();
        var stream = AddFive(host);
        stream.Delete("3-0");
        var g1 = host.Group("x", "g1");
        var g2 = host.Group("x", "g2");
        await g1.CreateAsync("0");
        await g2.CreateAsync("0");
        await AssertProgressAsync(g1, entriesRead: null, lag: null);

        for (var i = 0; i < 3; i++)
        {
            await g1.ReadAsync("c11", count: 1);
            await AssertProgressAsync(g1, entriesRead: null, lag: null);
        }

        await g1.ReadAsync("c11", count: 1);
        await AssertProgressAsync(g1, entriesRead: 5, lag: 0);

        stream.Add("6-0", "data", "f");
        await AssertProgressAsync(g1, entriesRead: 5, lag: 1);

        stream.TrimBelow("3-0");
        await AssertProgressAsync(g1, entriesRead: 5, lag: 1);
        await AssertProgressAsync(g2, entriesRead: null, lag: 3);

        stream.TrimBelow("5-0");
        await AssertProgressAsync(g1, entriesRead: 5, lag: 1);
        await AssertProgressAsync(g2, entriesRead: null, lag: 2);
    }

    [Fact]
    public async Task Lag_WithTombstoneAfterTheLastDeliveredId_IsUnknownUntilItFallsBeforeTheFirstEntry()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x");
        var g1 = host.Group("x", "g1");
        await g1.CreateAsync("$", makeStream: true);
        stream.Add("1-0", "data", "a");
        await g1.ReadAsync("alice");
        stream.Add("2-0", "data", "c");
        stream.Add("3-0", "data", "d");
        stream.Delete("2-0");
        await AssertProgressAsync(g1, entriesRead: 1, lag: null);

        stream.Delete("1-0");
        await AssertProgressAsync(g1, entriesRead: 1, lag: 1);

        await g1.ReadAsync("alice");
        await AssertProgressAsync(g1, entriesRead: 3, lag: 0);
    }

    [Fact]
    public async Task EntriesRead_AfterTrimmingPastTheCursor_IsEstimatedAgain()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x");
        var group = host.Group("x", "mygroup");
        await group.CreateAsync("$", makeStream: true);
        AddFive(host);
        await group.ReadAsync("alice", count: 1);
        await AssertProgressAsync(group, entriesRead: 1, lag: 4);

        stream.TrimToLength(1);
        Assert.Equal("0-0", stream.MaxDeletedId.ToString());
        await AssertProgressAsync(group, entriesRead: 1, lag: 1);

        await group.ReadAsync("alice");
        await AssertProgressAsync(group, entriesRead: 5, lag: 0);

        stream.Add("6-0", "data", "f");
        await AssertProgressAsync(group, entriesRead: 5, lag: 1);

        stream.TrimToLength(0);
        Assert.Equal(0, (await group.SummaryAsync()).Lag);
    }

    [Fact]
    public async Task Create_WithEntriesRead_StartsTheCounterThere()
    {
        await using var host = new GroupTestHost();
        host.Stream("mystream").Add("1-1", "a", "1").Add("1-2", "b", "2").Add("1-3", "c", "3").Add("1-4", "d", "4");
        var group1 = host.Group("mystream", "mygroup1");
        var group2 = host.Group("mystream", "mygroup2");

        await group1.CreateAsync("$", entriesRead: 0);
        await group2.CreateAsync("$", entriesRead: 3);

        Assert.Equal(0, (await group1.SummaryAsync()).EntriesRead);
        Assert.Equal(3, (await group2.SummaryAsync()).EntriesRead);
    }

    [Fact]
    public async Task EntriesRead_WithNoAck_IsCountedLikeAnyDelivery()
    {
        await using var host = new GroupTestHost();
        AddFive(host);
        var group = host.Group("x", "g");
        await group.CreateAsync("0");

        await group.ReadAsync("c", count: 2, noAck: true);

        await AssertProgressAsync(group, entriesRead: 2, lag: 3);
    }

    private static FakeStream AddFive(GroupTestHost host)
        => host.Stream("x")
            .Add("1-0", "data", "a")
            .Add("2-0", "data", "b")
            .Add("3-0", "data", "c")
            .Add("4-0", "data", "d")
            .Add("5-0", "data", "e");

    private static async Task AssertProgressAsync(GroupClient group, long? entriesRead, long? lag)
    {
        var summary = await group.SummaryAsync();
        Assert.Equal(entriesRead, summary.EntriesRead);
        Assert.Equal(lag, summary.Lag);
    }
}
