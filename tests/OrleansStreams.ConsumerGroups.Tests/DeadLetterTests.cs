namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>
/// MAXDELIVERIES and DEADLETTER: an entry delivered that often is not delivered again; a sweep appends it to the
/// dead-letter stream (original ID and fields, then its origin) and only then acknowledges it in the group.
/// </summary>
public sealed class DeadLetterTests
{
    private const long ClaimIdle = 1000;

    [Fact]
    public async Task PoisonEntry_AfterMaxDeliveries_MovesToTheDeadLetterStream_WithItsIdFieldsAndOrigin()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1").Add("2", "b", "2");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 2, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        await group.AckAsync(host.Clock.NowMs, "2");

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        Assert.Equal(["1-0 a 1"], await group.ReadEntriesAsync("bob", now: host.Clock.NowMs));
        Assert.Empty(host.Stream("dlq").Show());

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));

        Assert.Equal(["1-0 a 1 source-stream s source-group g last-consumer bob delivery-count 2"], host.Stream("dlq").Show());
        Assert.Empty(await group.PendingLinesAsync(host.Clock.NowMs));
        Assert.False((await group.ReadAsync("carol", now: host.Clock.NowMs)).Served);
        var info = (await group.GetPolicyAsync(host.Clock.NowMs)).Info!;
        Assert.Equal((1L, 1L), (info.Reclaimed, info.DeadLettered));
    }

    [Fact]
    public async Task ExhaustedEntry_IsNeverHandedOut_EvenIfAlreadyMarkedBeforeTheLimitWasLowered()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));
        Assert.Equal(1, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.Reclaimed);

        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 1, deadLetter: "dlq", now: host.Clock.NowMs);

        Assert.False((await group.ReadAsync("bob", now: host.Clock.NowMs)).Served);
        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle / 2));
        Assert.Equal(["1-0 a 1 source-stream s source-group g last-consumer alice delivery-count 1"], host.Stream("dlq").Show());
    }

    [Fact]
    public async Task DeadLetterAppend_RepeatedAfterACrash_FindsTheEntryAndDoesNotAppendItTwice()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        // What a crash between the append and the acknowledgement leaves: the entry already in the dead-letter stream.
        host.Stream("dlq").Add("1", "a", "1", "source-stream", "s", "source-group", "g", "last-consumer", "alice", "delivery-count", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 1, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));

        Assert.Single(host.Stream("dlq").Show());
        Assert.Equal(0, host.Stream("dlq").Adds);
        Assert.Empty(await group.PendingLinesAsync(host.Clock.NowMs));
        Assert.Equal(1, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.DeadLettered);
    }

    [Fact]
    public async Task DeadLetterStreamAlreadyPastTheId_GetsTheEntryUnderANewId_WithItsFieldsKept()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        host.Stream("dlq").Add("5", "other", "entry");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 1, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));

        var dead = host.Stream("dlq").Show();
        Assert.Equal(2, dead.Length);
        Assert.Equal($"{host.Clock.NowMs}-0 a 1 source-stream s source-group g last-consumer alice delivery-count 1", dead[1]);
        Assert.Empty(await group.PendingLinesAsync(host.Clock.NowMs));
    }

    [Fact]
    public async Task DeadLetterKeyOfAnotherType_LeavesTheEntryPendingAndUndelivered()
    {
        await using var host = new GroupTestHost();
        host.Stream("s").Add("1", "a", "1");
        Assert.True(host.Keyspace.TryClaim("dlq", Keys.KeyType.String, 0).Succeeded);
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 1, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));

        Assert.Equal(["1-0 alice 1000 1"], await group.PendingLinesAsync(host.Clock.NowMs));
        Assert.False((await group.ReadAsync("bob", now: host.Clock.NowMs)).Served);
        Assert.Equal(0, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.DeadLettered);
    }

    [Fact]
    public async Task EntryDeletedFromTheStream_LeavesThePel_WithoutADeadLetter()
    {
        await using var host = new GroupTestHost();
        var stream = host.Stream("s").Add("1", "a", "1");
        var group = host.Group("s", "g");
        await group.CreateAsync("0");
        await group.SetPolicyAsync(ClaimIdle, maxDeliveries: 1, deadLetter: "dlq", now: host.Clock.NowMs);
        await group.ReadAsync("alice", now: host.Clock.NowMs);
        stream.Delete("1");

        host.Clock.Advance(TimeSpan.FromMilliseconds(ClaimIdle));

        Assert.Empty(await group.PendingLinesAsync(host.Clock.NowMs));
        Assert.False(host.Stream("dlq").Exists);
        Assert.Equal(0, (await group.GetPolicyAsync(host.Clock.NowMs)).Info!.DeadLettered);
    }
}
