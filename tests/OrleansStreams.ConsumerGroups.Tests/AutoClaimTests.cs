namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XAUTOCLAIM (reference section 5.5).</summary>
public sealed class AutoClaimTests
{
    [Fact]
    public async Task AutoClaim_ClaimsIdleEntriesAndReportsDeletedOnes()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3").Add("4", "d", "4");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("0");
        Assert.Equal(["1-0 a 1"], await group.ReadEntriesAsync("consumer1", now: 0, count: 1));

        var first = await group.AutoClaimAsync("consumer2", 10, "-", now: 200, count: 1);
        Assert.Equal("0-0", first.NextCursor.ToString());
        Assert.Equal(["1-0 a 1"], Ids.Show(first.Entries));
        Assert.Empty(first.DeletedIds);

        await group.ReadAsync("consumer1", now: 200, count: 3);
        stream.Delete("2-0");
        var second = await group.AutoClaimAsync("consumer2", 10, "-", now: 400, count: 3);
        Assert.Equal("4-0", second.NextCursor.ToString());
        Assert.Equal(["1-0 a 1", "3-0 c 3"], Ids.Show(second.Entries));
        Assert.Equal(["2-0"], Ids.Show(second.DeletedIds));

        stream.Delete("4-0");
        var third = await group.AutoClaimAsync("consumer2", 10, "-", now: 600, justId: true);
        Assert.Equal("0-0", third.NextCursor.ToString());
        Assert.Equal(["1-0", "3-0"], Ids.Show(third.Ids));
        Assert.Empty(Ids.Show(third.Entries));
        Assert.Equal(["4-0"], Ids.Show(third.DeletedIds));
    }

    [Fact]
    public async Task AutoClaim_WorksAsAnIterator()
    {
        await using var host = new GroupTestHost();
        host.Stream("mystream").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3").Add("4", "d", "4").Add("5", "e", "5");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("0");
        await group.ReadAsync("consumer1", now: 0, count: 90);

        var first = await group.AutoClaimAsync("consumer2", 10, "-", now: 200, count: 2);
        Assert.Equal("3-0", first.NextCursor.ToString());
        Assert.Equal(["1-0 a 1", "2-0 b 2"], Ids.Show(first.Entries));

        var second = await group.AutoClaimAsync("consumer2", 10, first.NextCursor.ToString(), now: 200, count: 2);
        Assert.Equal("5-0", second.NextCursor.ToString());
        Assert.Equal(["3-0 c 3", "4-0 d 4"], Ids.Show(second.Entries));

        var last = await group.AutoClaimAsync("consumer2", 10, second.NextCursor.ToString(), now: 200, count: 1);
        Assert.Equal("0-0", last.NextCursor.ToString());
        Assert.Equal(["5-0 e 5"], Ids.Show(last.Entries));
    }

    [Fact]
    public async Task AutoClaim_WithDeletedEntry_ReportsItDeletedAndEmptiesTheOldPel()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x").Add("1-0", "f", "v").Add("2-0", "f", "v").Add("3-0", "f", "v");
        var group = host.Group("x", "grp");
        await group.CreateAsync("0");
        await group.ReadAsync("Alice");
        stream.Delete("2-0");

        var result = await group.AutoClaimAsync("Bob", 0, "0-0", now: 0);

        Assert.Equal("0-0", result.NextCursor.ToString());
        Assert.Equal(["1-0 f v", "3-0 f v"], Ids.Show(result.Entries));
        Assert.Equal(["2-0"], Ids.Show(result.DeletedIds));
        Assert.Empty(await group.PendingLinesAsync(0, "Alice"));
    }

    [Fact]
    public async Task AutoClaim_DeletedEntriesUseUpCount()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x").Add("1-0", "f", "v").Add("2-0", "f", "v").Add("3-0", "f", "v");
        var group = host.Group("x", "grp");
        await group.CreateAsync("0");
        await group.ReadAsync("Alice");
        stream.Delete("1-0");
        stream.Delete("2-0");

        await AssertAutoClaimAsync(group, "0-0", "2-0", [], ["1-0"]);
        await AssertAutoClaimAsync(group, "2-0", "3-0", [], ["2-0"]);
        await AssertAutoClaimAsync(group, "3-0", "0-0", ["3-0 f v"], []);
        Assert.Empty(await group.PendingLinesAsync(0, "Alice"));
    }

    [Fact]
    public async Task AutoClaim_WithTrimmedEntries_ReportsThemDeleted()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("x").Add("1-0", "f", "v").Add("2-0", "f", "v").Add("3-0", "f", "v");
        var group = host.Group("x", "grp");
        await group.CreateAsync("0");
        await group.ReadAsync("Alice");
        stream.TrimToLength(1);

        var result = await group.AutoClaimAsync("Bob", 0, "0-0", now: 0);

        Assert.Equal("0-0", result.NextCursor.ToString());
        Assert.Equal(["3-0 f v"], Ids.Show(result.Entries));
        Assert.Equal(["1-0", "2-0"], Ids.Show(result.DeletedIds));
        Assert.Empty(await group.PendingLinesAsync(0, "Alice"));
    }

    [Fact]
    public async Task AutoClaim_VisitsAtMostTenEntriesPerCount()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s");
        for (var i = 1; i <= 12; i++) stream.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 100);
        // Only the last entry looks delivered long ago.
        await group.ClaimAsync("alice", 0, ["12-0"], now: 100, deliveryTime: 0);

        var tooRecent = await group.AutoClaimAsync("bob", 100, "-", now: 150, count: 1);
        Assert.Equal("11-0", tooRecent.NextCursor.ToString());
        Assert.Empty(tooRecent.Ids);
        Assert.Empty(tooRecent.DeletedIds);

        var found = await group.AutoClaimAsync("bob", 100, tooRecent.NextCursor.ToString(), now: 150, count: 1);
        Assert.Equal("0-0", found.NextCursor.ToString());
        Assert.Equal(["12-0 f v"], Ids.Show(found.Entries));
    }

    [Fact]
    public async Task AutoClaim_ClaimingNothing_StillCreatesTheConsumer()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        var result = await group.AutoClaimAsync("bob", 0, "-", now: 10);

        Assert.Equal("0-0", result.NextCursor.ToString());
        Assert.Equal(new ConsumerSummary("bob", 0, 5, -1), Assert.Single((await group.ConsumersAsync(now: 15)).Consumers));
    }

    [Fact]
    public async Task AutoClaim_WithJustId_LeavesTheDeliveryCount()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", now: 0);

        await group.AutoClaimAsync("bob", 0, "-", now: 10, count: 1, justId: true);
        await group.AutoClaimAsync("bob", 0, "2", now: 10, count: 1);

        Assert.Equal(["1-0 bob 5 1", "2-0 bob 5 2"], await group.PendingLinesAsync(15));
        Assert.Equal(new ConsumerSummary("bob", 2, 5, 5), (await group.ConsumersAsync(now: 15)).Consumers[1]);
    }

    private static async Task AssertAutoClaimAsync(GroupClient group, string start, string cursor, string[] claimed, string[] deleted)
    {
        var result = await group.AutoClaimAsync("Bob", 0, start, now: 0, count: 1);
        Assert.Equal(cursor, result.NextCursor.ToString());
        Assert.Equal(claimed, Ids.Show(result.Entries));
        Assert.Equal(deleted, Ids.Show(result.DeletedIds));
    }
}
