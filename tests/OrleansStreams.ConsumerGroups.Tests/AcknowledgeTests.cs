namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>XACK (reference section 5.2).</summary>
public sealed class AcknowledgeTests
{
    [Fact]
    public async Task Ack_RemovesTheEntryFromTheGroupAndConsumerPel()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("consumer-1");
        stream.Add("3", "c", "3").Add("4", "d", "4");
        await group.ReadAsync("consumer-2");

        Assert.Equal(1, (await group.AckAsync(0, "1-0")).Value);

        Assert.Equal(["2-0"], (await group.PendingAsync(0, "-", "+", 10, "consumer-1")).Entries.Select(e => e.Id.ToString()));
        Assert.Equal(3, (await group.PendingAsync(0, "-", "+", 10)).Entries.Count);
    }

    [Fact]
    public async Task Ack_OfAnIdNoLongerPending_CountsNothing()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");
        await group.AckAsync(0, "1-0");

        Assert.Equal(0, (await group.AckAsync(0, "1-0")).Value);
        Assert.Equal(1, (await group.AckAsync(0, "1-0", "2-0")).Value);
        Assert.Equal(0, (await group.PendingAsync()).Count);
    }

    [Fact]
    public async Task Ack_OfTheSameIdTwiceInOneCall_CountsItOnce()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.ReadAsync("c");

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.Ok, 1), await group.AckAsync(0, "1-0", "1-0"));
    }

    [Fact]
    public async Task Ack_WithoutGroupOrKey_ReportsWhichIsMissing()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");

        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.NoGroup, 0), await host.Group("s", "nogroup").AckAsync(0, "1-0"));
        Assert.Equal(new GroupCountResult(ConsumerGroupStatus.NoKey, 0), await host.Group("nokey", "g").AckAsync(0, "1-0"));
    }
}
