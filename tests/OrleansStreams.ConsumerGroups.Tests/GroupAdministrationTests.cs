using OrleansStreams.Keys;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XGROUP CREATE, SETID, CREATECONSUMER, DELCONSUMER and DESTROY (reference section 5.1).</summary>
public sealed class GroupAdministrationTests
{
    [Fact]
    public async Task Create_OfAnExistingGroup_ReportsGroupExists()
    {
        await using var host = new GroupTestHost();
        host.Stream("mystream").Add("1", "foo", "bar");
        var group = host.Group("mystream", "mygroup");

        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("$"));
        Assert.Equal(ConsumerGroupStatus.GroupExists, await group.CreateAsync("$"));
        Assert.Equal(ConsumerGroupStatus.GroupExists, await group.CreateAsync("$", makeStream: true));
    }

    [Fact]
    public async Task Create_OnAMissingKey_NeedsMakeStream()
    {
        await using var host = new GroupTestHost();
        var group = host.Group("mystream", "mygroup");

        Assert.Equal(ConsumerGroupStatus.NoKey, await group.CreateAsync("$"));
        Assert.False(host.Stream("mystream").Exists);

        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("$", makeStream: true));
        Assert.True(host.Stream("mystream").Exists);
        Assert.Equal(["mygroup"], host.Stream("mystream").Groups);
        Assert.Equal("0-0", (await group.SummaryAsync()).LastDeliveredId.ToString());
    }

    [Fact]
    public async Task Create_OnAKeyOfAnotherType_ReportsWrongType()
    {
        await using var host = new GroupTestHost();
        host.Keyspace.TryClaim("str", KeyType.String, 0);

        Assert.Equal(ConsumerGroupStatus.WrongType, await host.Group("str", "g").CreateAsync("$", makeStream: true));
        Assert.Equal(ConsumerGroupStatus.WrongType, await host.Group("str", "g").ExistsAsync());
    }

    [Fact]
    public async Task Create_WithDollar_StartsAtTheLastGeneratedIdEvenIfDeleted()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("3", "f", "v").Add("5", "f", "v");
        stream.Delete("5");
        var dollar = host.Group("s", "dollar");
        var explicitStart = host.Group("s", "explicit");

        await dollar.CreateAsync("$");
        await explicitStart.CreateAsync("2");

        Assert.Equal("5-0", (await dollar.SummaryAsync()).LastDeliveredId.ToString());
        Assert.Equal("2-0", (await explicitStart.SummaryAsync()).LastDeliveredId.ToString());
        Assert.Equal(["3-0 f v"], await explicitStart.ReadEntriesAsync("c"));
        Assert.False((await dollar.ReadAsync("c")).Served);
    }

    [Fact]
    public async Task SetId_MovesTheCursorAndResetsEntriesReadButKeepsThePel()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        Assert.Equal(ConsumerGroupStatus.Ok, await group.SetIdAsync("1", entriesRead: 1));
        var moved = await group.SummaryAsync();
        Assert.Equal("1-0", moved.LastDeliveredId.ToString());
        Assert.Equal(1, moved.EntriesRead);
        Assert.Equal(3, moved.Pending);

        await group.SetIdAsync("2");
        Assert.Null((await group.SummaryAsync()).EntriesRead);

        await group.SetIdAsync("$");
        Assert.Equal("3-0", (await group.SummaryAsync()).LastDeliveredId.ToString());
    }

    [Fact]
    public async Task SetId_WithoutGroupOrKey_ReportsWhichIsMissing()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, await host.Group("s", "g").SetIdAsync("0"));
        Assert.Equal(ConsumerGroupStatus.NoKey, await host.Group("missing", "g").SetIdAsync("0"));
    }

    [Fact]
    public async Task CreateConsumer_AddsAConsumerOnlyOnce()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("mystream");
        var group = host.Group("mystream", "mygroup");
        await group.CreateAsync("$", makeStream: true);
        stream.Add("1", "f", "v");
        Assert.Equal(0, (await group.SummaryAsync()).Consumers);

        await group.ReadAsync("Alice", count: 1);
        Assert.Equal(1, (await group.SummaryAsync()).Consumers);

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 0), await group.CreateConsumerAsync("Alice"));
        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 1), await group.CreateConsumerAsync("Bob", now: 70));

        Assert.Equal(2, (await group.SummaryAsync()).Consumers);
        Assert.Equal(["Alice", "Bob"], (await group.ConsumersAsync(now: 100)).Consumers.Select(c => c.Name));
        Assert.Equal(new ConsumerSummary("Bob", 0, 30, -1), (await group.ConsumersAsync(now: 100)).Consumers[1]);
    }

    [Fact]
    public async Task CreateConsumer_WithoutGroup_ReportsNoGroup()
    {
        await using var host = new GroupTestHost();
        host.Stream("mystream").Add("1", "f", "v");

        Assert.Equal(ConsumerGroupStatus.NoGroup, (await host.Group("mystream", "mygroup").CreateConsumerAsync("consumer")).Status);
    }

    [Fact]
    public async Task DeleteConsumer_ReturnsItsPendingCountAndDropsThoseEntries()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "f", "v").Add("2", "f", "v").Add("3", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("alice", count: 2);
        await group.ReadAsync("bob");

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 2), await group.DeleteConsumerAsync("alice"));

        Assert.Equal(["3-0 bob 0 1"], await group.PendingLinesAsync(0));
        Assert.Equal(["bob"], (await group.ConsumersAsync()).Consumers.Select(c => c.Name));
        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 0), await group.DeleteConsumerAsync("alice"));
    }

    [Fact]
    public async Task Destroy_RemovesTheGroupSoItCanBeCreatedAfresh()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 1), await group.DestroyAsync());

        Assert.Empty(stream.Groups);
        Assert.Equal(ConsumerGroupStatus.NoGroup, await group.ExistsAsync());
        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 0), await group.DestroyAsync());
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("0"));
        Assert.Equal(0, (await group.PendingAsync()).Count);
        Assert.Equal(0, (await group.SummaryAsync()).Consumers);
    }

    [Fact]
    public async Task Destroy_OnAMissingKey_ReportsNoKey()
    {
        await using var host = new GroupTestHost();

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.NoKey, 0), await host.Group("missing", "g").DestroyAsync());
    }

    [Fact]
    public async Task Create_AfterTheStreamWasDeletedAndMadeAgain_StartsFresh()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "f", "v");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        stream.DeleteKey();
        Assert.Equal(ConsumerGroupStatus.NoKey, await group.ExistsAsync());
        Assert.Equal(ConsumerGroupStatus.Ok, await group.CreateAsync("$", makeStream: true));

        Assert.Equal(0, (await group.PendingAsync()).Count);
        Assert.Equal(0, (await group.SummaryAsync()).Consumers);
    }
}
