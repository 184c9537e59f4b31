using OrleansStreams.Keys;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XREADGROUP with <c>&gt;</c> (reference section 4.4).</summary>
public sealed class NewEntryDeliveryTests
{
    [Fact]
    public async Task ReadNew_ReturnsOnlyEntriesAddedAfterTheGroupStarted()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream").Add("1", "foo", "bar");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("$");
        stream.Add("2", "a", "1").Add("3", "b", "2");
        Assert.Equal(0, (await group.PendingAsync()).Count);

        var result = await group.ReadAsync("consumer-1");

        Assert.True(result.Served);
        Assert.Equal(["2-0 a 1", "3-0 b 2"], Ids.Show(result.Entries));
    }

    [Fact]
    public async Task ReadNew_MakesEachEntryPendingForTheReaderWithCountOne()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2").Add("3", "c", "3");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        await group.ReadAsync("alice", now: 1000, count: 2);
        await group.ReadAsync("bob", now: 1200);

        Assert.Equal(["1-0 alice 500 1", "2-0 alice 500 1", "3-0 bob 300 1"], await group.PendingLinesAsync(now: 1500));
        Assert.Equal("3-0", (await group.SummaryAsync()).LastDeliveredId.ToString());
    }

    [Fact]
    public async Task ReadNew_WithCount_DeliversAtMostThatMany()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        Assert.Equal(["1-0 f v", "2-0 f v"], await group.ReadEntriesAsync("c", count: 2));
        Assert.Equal(["3-0 f v"], await group.ReadEntriesAsync("c", count: 2));
    }

    [Fact]
    public async Task ReadNew_WithNothingNew_IsNotServedButCreatesTheConsumer()
    {
        await using var host = new GroupTestHost();
        var group = host.Group("s", "g");
        await group.CreateAsync("$", makeStream: true);

        var result = await group.ReadAsync("alice", now: 1000);

        Assert.Equal(ConsumerGroupStatus.Ok, result.Status);
        Assert.False(result.Served);
        Assert.Empty(Ids.Show(result.Entries));
        Assert.True(result.ConsumerCreated);
        var consumer = Assert.Single((await group.ConsumersAsync(now: 1100)).Consumers);
        Assert.Equal(new ConsumerSummary("alice", 0, 100, -1), consumer);
        Assert.False((await group.ReadAsync("alice", now: 1200)).ConsumerCreated);
    }

    [Fact]
    public async Task ReadNew_AfterEveryNewEntryWasDeleted_IsNotServed()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("$", makeStream: true);
        stream.Add("666", "key", "value");
        stream.Delete("666");

        Assert.False((await group.ReadAsync("myconsumer")).Served);

        stream.Add("667", "key", "value");
        Assert.Equal(["667-0 key value"], await group.ReadEntriesAsync("myconsumer"));
    }

    [Fact]
    public async Task ReadNew_WithNoAck_MovesTheCursorWithoutPendingEntriesOrActivity()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        Assert.Equal(["1-0 f v", "2-0 f v"], await group.ReadEntriesAsync("c", now: 1000, noAck: true));

        Assert.Equal(0, (await group.PendingAsync()).Count);
        Assert.Equal("2-0", (await group.SummaryAsync()).LastDeliveredId.ToString());
        Assert.False((await group.ReadAsync("c", now: 1000)).Served);
        Assert.Equal(new ConsumerSummary("c", 0, 500, -1), Assert.Single((await group.ConsumersAsync(now: 1500)).Consumers));
    }

    [Fact]
    public async Task ReadNew_AfterSetIdMovedBack_TakesPendingEntriesOverFromTheirConsumer()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("events");
        for (var i = 1; i <= 4; i++) stream.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "f1", "v1");
        var group = host.Group("events", "g1");
        await group.CreateAsync("$");
        stream.Add("5", "f1", "v1");
        Assert.Single(await group.ReadEntriesAsync("c1", now: 100));

        await group.SetIdAsync("-");
        Assert.Equal(5, (await group.ReadEntriesAsync("c2", now: 200)).Length);

        Assert.Equal(
            ["1-0 c2 0 1", "2-0 c2 0 1", "3-0 c2 0 1", "4-0 c2 0 1", "5-0 c2 0 1"],
            await group.PendingLinesAsync(now: 200));
        Assert.Equal([new ConsumerPendingCount("c2", 5)], (await group.PendingAsync()).Consumers);
    }

    [Fact]
    public async Task ReadNew_WhenCursorIsTheGreatestId_ServesNothing()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetIdAsync("+");

        Assert.False((await group.ReadAsync("c")).Served);
    }

    [Fact]
    public async Task ReadNew_ByConcurrentConsumers_DeliversEachEntryToExactlyOneOfThem()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s");
        for (var i = 1; i <= 300; i++) stream.Add(i.ToString(System.Globalization.CultureInfo.InvariantCulture), "n", i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        var readers = Enumerable.Range(0, 8).Select(r => Task.Run(async () =>
        {
            var mine = new List<string>();
            while (true)
            {
                var result = await group.ReadAsync($"c{r}", count: 7);
                if (!result.Served) return mine;
                mine.AddRange(Ids.Show(result.Entries));
            }
        }));
        var delivered = (await Task.WhenAll(readers)).SelectMany(x => x).ToList();

        Assert.Equal(300, delivered.Count);
        Assert.Equal(300, delivered.Distinct().Count());
        Assert.Equal(300, (await group.PendingAsync()).Count);
    }

    [Fact]
    public async Task Read_AfterTheStreamWasDeletedAndCreatedAgain_FindsNoGroup()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        stream.DeleteKey();
        Assert.Equal(ConsumerGroupStatus.NoKey, (await group.ReadAsync("c")).Status);
        stream.Add("2", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, (await group.ReadAsync("c")).Status);
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("0"));
        Assert.Equal(0, (await group.PendingAsync()).Count);
        Assert.Equal(["2-0 f v"], await group.ReadEntriesAsync("c"));
    }

    [Fact]
    public async Task Read_WhenTheKeyNowHoldsAnotherType_ReportsWrongType()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");

        stream.DeleteKey();
        host.Keyspace.TryClaim("s", KeyType.String, 0);

        Assert.Equal(ConsumerGroupStatus.WrongType, (await group.ReadAsync("c")).Status);
    }
}
