namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XREADGROUP with an explicit ID: the consumer's own pending entries (reference section 4.4).</summary>
public sealed class HistoryReadTests
{
    [Fact]
    public async Task ReadHistory_ReturnsOnlyTheConsumersOwnPendingEntries()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("consumer-1");
        stream.Add("3", "c", "3").Add("4", "d", "4");
        await group.ReadAsync("consumer-2");

        Assert.Equal(["1-0 a 1", "2-0 b 2"], await group.ReadEntriesAsync("consumer-1", "0", count: 10));
        Assert.Equal(["3-0 c 3", "4-0 d 4"], await group.ReadEntriesAsync("consumer-2", "0", count: 10));
    }

    [Fact]
    public async Task ReadHistory_WithNothingPending_IsServedWithNoEntries()
    {
        await using var host = new GroupTestHost();
        host.Stream("events").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3");
        var group = host.Group("events", "mygroup");
        await group.CreateAsync("0");

        var empty = await group.ReadAsync("myconsumer", "0", count: 3);
        Assert.True(empty.Served);
        Assert.Empty(Ids.Show(empty.Entries));

        Assert.Equal(3, (await group.ReadEntriesAsync("myconsumer", count: 3)).Length);
        Assert.Equal(3, (await group.ReadEntriesAsync("myconsumer", "0", count: 3)).Length);
    }

    [Fact]
    public async Task ReadHistory_OfADeletedEntry_ReportsItMissingAndKeepsItPending()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("$", makeStream: true);
        stream.Add("1", "field1", "A");
        await group.ReadAsync("myconsumer", now: 100);
        stream.Add("2", "field1", "B");
        stream.TrimToLength(1);
        await group.ReadAsync("myconsumer", now: 100);

        Assert.Equal(["1-0 nil", "2-0 field1 B"], await group.ReadEntriesAsync("myconsumer", "0-1", now: 200));

        Assert.Equal(["1-0 myconsumer 100 1", "2-0 myconsumer 0 2"], await group.PendingLinesAsync(now: 200));
    }

    [Fact]
    public async Task ReadHistory_StartsAfterTheGivenId()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("$", makeStream: true);
        stream.Add("666", "key", "value");
        stream.Delete("666");
        foreach (var id in new[] { "0", "600", "666", "700" }) Assert.Empty(await group.ReadEntriesAsync("myconsumer", id));

        stream.Add("667", "key", "value");
        foreach (var id in new[] { "0", "600", "666", "667", "700" }) Assert.Empty(await group.ReadEntriesAsync("myconsumer", id));

        Assert.Equal(["667-0 key value"], await group.ReadEntriesAsync("myconsumer"));
        foreach (var id in new[] { "0", "600", "666" }) Assert.Equal(["667-0 key value"], await group.ReadEntriesAsync("myconsumer", id));
        foreach (var id in new[] { "667", "700" }) Assert.Empty(await group.ReadEntriesAsync("myconsumer", id));

        await group.AckAsync(0, "667");
        foreach (var id in new[] { "0", "600", "666", "667", "700" }) Assert.Empty(await group.ReadEntriesAsync("myconsumer", id));
    }

    [Fact]
    public async Task ReadHistory_CountsADeliveryButLeavesActiveTimeAlone()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c", now: 1000);

        await group.ReadAsync("c", "0", now: 2000);

        Assert.Equal(["1-0 c 500 2"], await group.PendingLinesAsync(now: 2500));
        Assert.Equal(new ConsumerSummary("c", 1, 500, 1500), Assert.Single((await group.ConsumersAsync(now: 2500)).Consumers));
    }

    [Fact]
    public async Task ReadHistory_WithCount_ReturnsTheFirstPendingEntries()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        Assert.Equal(["1-0 f v", "2-0 f v"], await group.ReadEntriesAsync("c", "0", count: 2));
        Assert.Equal(["2-0 f v", "3-0 f v"], await group.ReadEntriesAsync("c", "1-0", count: 5));
    }

    [Fact]
    public async Task Read_WithTheGreatestIdGivenExplicitly_ReadsNewEntriesLikeGreaterThan()
    {
        // Checked on redis-server 7.0: Redis encodes ">" as the greatest ID, so the two cannot be told apart.
        await using var host = new GroupTestHost();
        host.Stream("v").Add("1", "f", "v");
        var group = host.Group("v", "g");
        await group.CreateAsync("0");

        var result = await group.ReadAsync("bob", "18446744073709551615-18446744073709551615", now: 5);

        Assert.Equal(["1-0 f v"], Ids.Show(result.Entries));
        Assert.Equal(["1-0 bob 0 1"], await group.PendingLinesAsync(5));
        Assert.False((await group.ReadAsync("bob", "18446744073709551615-18446744073709551615", now: 5)).Served);
    }

    [Fact]
    public async Task ReadHistory_ByANewConsumer_CreatesIt()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        var result = await group.ReadAsync("newcomer", "0", now: 100);

        Assert.True(result.ConsumerCreated);
        Assert.Equal(new ConsumerSummary("newcomer", 0, 0, -1), Assert.Single((await group.ConsumersAsync(now: 100)).Consumers));
    }
}
