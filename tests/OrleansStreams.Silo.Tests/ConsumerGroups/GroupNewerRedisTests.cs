using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// The <see cref="GroupKnownDifferences"/>: Redis 7.2+/7.4 behaviour that the 7.0 oracle lacks, checked on the silo
/// alone against the replies the reference documents (section numbers given).
/// </summary>
[Collection("differential")]
public sealed class GroupNewerRedisTests(DifferentialFixture fixture)
{
    private RawRespClient Silo => fixture.Silo;

    [Fact]
    public async Task XReadGroup_WithUnbalancedStreams_NamesTheCommandAndTheGreaterThanId()
    {
        // Section 4.4 (7.2+).
        Assert.Equal(
            "-ERR Unbalanced 'xreadgroup' list of streams: for each stream key an ID or '>' must be specified.\r\n",
            await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", "a", "b", ">"));
    }

    [Fact]
    public async Task XReadGroup_WithPlus_ExplainsThatPlusIsMeaningless()
    {
        // Section 4.4 (7.4+): the $ text with + in place of $.
        var key = StreamKeys.New("plus");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        Assert.Equal(
            "-ERR The + ID is meaningless in the context of XREADGROUP: you want to read the history of this consumer by specifying a proper ID, or use the > ID to get new messages. The + ID would just return an empty result set.\r\n",
            await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", key, "+"));
    }

    [Fact]
    public async Task XReadGroup_ThatServesNothing_StillCreatesTheConsumer_NeverActive()
    {
        // Section 4.4 (7.2+): created and seen even when nothing is returned; section 5.6: inactive -1 until it reads.
        var key = StreamKeys.New("created-empty");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        Assert.Equal("*-1\r\n", await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "alice", "STREAMS", key, ">"));

        var consumers = RespNode.Parse(await Silo.ExecuteAsync("XINFO", "CONSUMERS", key, "g"));

        Assert.Single(consumers.Items!);
        Assert.Equal("alice", consumers[0].Field("name").Text);
        Assert.Equal(0, consumers[0].Field("pending").Integer);
        Assert.Equal(-1, consumers[0].Field("inactive").Integer);
        Assert.InRange(consumers[0].Field("idle").Integer, 0, 60_000);
    }

    [Fact]
    public async Task XClaim_AndXAutoClaim_ThatClaimNothing_StillCreateTheirConsumers()
    {
        // Sections 5.4 and 5.5 (7.2+).
        var key = StreamKeys.New("created-claim");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        Assert.Equal("*0\r\n", await Silo.ExecuteAsync("XCLAIM", key, "g", "claimer", "0", "1-0"));
        Assert.Equal("*3\r\n$3\r\n0-0\r\n*0\r\n*0\r\n", await Silo.ExecuteAsync("XAUTOCLAIM", key, "g", "auto", "0", "0"));

        var groups = RespNode.Parse(await Silo.ExecuteAsync("XINFO", "GROUPS", key));

        Assert.Equal(2, groups[0].Field("consumers").Integer);
    }

    [Fact]
    public async Task XInfoConsumers_ReportsInactive_SinceTheLastSuccessfulRead()
    {
        // Section 5.6 (7.2+): name, pending, idle, inactive; inactive counts from the last read or claim.
        var key = StreamKeys.New("inactive");
        await Silo.ExecuteAsync("XADD", key, "1-0", "f", "v");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "0");
        await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "reader", "STREAMS", key, ">");
        await Silo.ExecuteAsync("XGROUP", "CREATECONSUMER", key, "g", "spectator");

        var consumers = RespNode.Parse(await Silo.ExecuteAsync("XINFO", "CONSUMERS", key, "g"));

        Assert.Equal(["name", "pending", "idle", "inactive"], consumers[0].Items!.Where((_, i) => i % 2 == 0).Select(n => n.Text));
        Assert.Equal("reader", consumers[0].Field("name").Text);
        Assert.Equal(1, consumers[0].Field("pending").Integer);
        Assert.InRange(consumers[0].Field("inactive").Integer, 0, 60_000);
        Assert.Equal("spectator", consumers[1].Field("name").Text);
        Assert.Equal(-1, consumers[1].Field("inactive").Integer);
    }

    [Fact]
    public async Task XInfoConsumers_InResp3_IsAnArrayOfFourFieldMaps()
    {
        var key = StreamKeys.New("consumers-resp3");
        await using var client = await fixture.SiloServer.ConnectAsync();
        await client.ExecuteAsync("HELLO", "3");
        await client.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await client.ExecuteAsync("XGROUP", "CREATECONSUMER", key, "g", "c");

        var reply = await client.ExecuteAsync("XINFO", "CONSUMERS", key, "g");

        Assert.StartsWith("*1\r\n%4\r\n$4\r\nname\r\n$1\r\nc\r\n$7\r\npending\r\n:0\r\n$4\r\nidle\r\n:", reply);
        Assert.EndsWith("$8\r\ninactive\r\n:-1\r\n", reply);
    }

    [Fact]
    public async Task XInfoStreamFull_ReportsActiveTime_MinusOneUntilTheConsumerReads()
    {
        // Section 5.6 (7.2+): consumers carry name, seen-time, active-time, pel-count, pending.
        var key = StreamKeys.New("active-time");
        await Silo.ExecuteAsync("XADD", key, "1-0", "f", "v");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "0");
        await Silo.ExecuteAsync("XGROUP", "CREATECONSUMER", key, "g", "idle");
        await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "reader", "STREAMS", key, ">");

        var full = RespNode.Parse(await Silo.ExecuteAsync("XINFO", "STREAM", key, "FULL"));
        var consumers = full.Field("groups")[0].Field("consumers");

        Assert.Equal(18, full.Items!.Count);
        Assert.Equal(["name", "seen-time", "active-time", "pel-count", "pending"], consumers[0].Items!.Where((_, i) => i % 2 == 0).Select(n => n.Text));
        Assert.Equal(-1, consumers[0].Field("active-time").Integer);
        Assert.Equal(consumers[1].Field("seen-time").Integer, consumers[1].Field("active-time").Integer);
    }

    [Fact]
    public async Task XInfoGroups_AfterTrimmingPastTheLastDeliveredId_ReportsTheRemainingLengthAsLag()
    {
        // Section 7, lag step 3 (8.0): the group's last ID and every tombstone lie before the first entry, so every
        // remaining entry is unread. (7.0 answers entries-added − entries-read = 2 here.)
        var key = StreamKeys.New("lag-trimmed");
        for (var i = 1; i <= 4; i++) await Silo.ExecuteAsync("XADD", key, $"{i}-0", "f", "v");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "0");
        await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "COUNT", "2", "STREAMS", key, ">");
        await Silo.ExecuteAsync("XTRIM", key, "MAXLEN", "1");

        var group = RespNode.Parse(await Silo.ExecuteAsync("XINFO", "GROUPS", key))[0];

        Assert.Equal(2, group.Field("entries-read").Integer);
        Assert.Equal(1, group.Field("lag").Integer);
    }

    [Fact]
    public async Task EntriesReadAndLag_AfterEveryEntryBeforeTheGroupsNextWasDeleted_FollowTheCurrentAlgorithm()
    {
        // Section 7. Emptied stream: lag step 2 gives 0. One new entry after tombstones: step 3 gives the length, 1.
        // Delivering it: the group's last ID (0-0) is not past the tombstones, so entries_read = Estimate(3-0) =
        // entries_added = 3, and lag = 0. (7.0 answers lags 2 and 3, then entries-read 1 and lag 2.)
        var key = StreamKeys.New("lag-tombstones");
        await Silo.ExecuteAsync("XADD", key, "1-0", "a", "1");
        await Silo.ExecuteAsync("XADD", key, "2-0", "a", "1");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "0", "ENTRIESREAD", "0");
        await Silo.ExecuteAsync("XDEL", key, "1-0", "2-0");
        Assert.Equal(0, (await GroupAsync(key)).Field("lag").Integer);

        await Silo.ExecuteAsync("XADD", key, "3-0", "a", "1");
        Assert.Equal(1, (await GroupAsync(key)).Field("lag").Integer);

        await Silo.ExecuteAsync("XREADGROUP", "GROUP", "g", "c", "STREAMS", key, ">");
        var group = await GroupAsync(key);
        Assert.Equal(3, group.Field("entries-read").Integer);
        Assert.Equal(0, group.Field("lag").Integer);
    }

    [Fact]
    public async Task BlockedXReadGroup_WhenTheKeyIsDeleted_AnswersNoGroup()
    {
        // Section 6 (7.2+): the re-run finds the key gone.
        var key = StreamKeys.New("blocked-del");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await using var reader = await fixture.SiloServer.ConnectAsync();
        await reader.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await BlockedClients.WaitAsync(Silo, 1);

        Assert.Equal(":1\r\n", await Silo.ExecuteAsync("DEL", key));

        Assert.Equal($"-NOGROUP No such key '{key}' or consumer group 'g' in XREADGROUP with GROUP option\r\n", await reader.ReadReplyAsync());
        await BlockedClients.WaitAsync(Silo, 0);
    }

    [Fact]
    public async Task BlockedXReadGroup_WhenTheGroupIsDestroyed_AnswersNoGroup()
    {
        // Sections 5.1 and 6 (7.2+): XGROUP DESTROY wakes the readers, whose re-run reports NOGROUP.
        var key = StreamKeys.New("blocked-destroy");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await using var reader = await fixture.SiloServer.ConnectAsync();
        await reader.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await BlockedClients.WaitAsync(Silo, 1);

        Assert.Equal(":1\r\n", await Silo.ExecuteAsync("XGROUP", "DESTROY", key, "g"));

        Assert.Equal($"-NOGROUP No such key '{key}' or consumer group 'g' in XREADGROUP with GROUP option\r\n", await reader.ReadReplyAsync());
        await BlockedClients.WaitAsync(Silo, 0);
    }

    [Fact]
    public async Task BlockedXReadGroup_WokenByAnAddDeletedInTheSameMulti_KeepsWaiting_ForTheNextEntry()
    {
        // Section 6: a blocked XREADGROUP never answers with an empty list; it blocks again.
        var key = StreamKeys.New("blocked-add-del");
        await Silo.ExecuteAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");
        await using var reader = await fixture.SiloServer.ConnectAsync();
        await reader.SendAsync("XREADGROUP", "GROUP", "g", "c", "BLOCK", "0", "STREAMS", key, ">");
        await BlockedClients.WaitAsync(Silo, 1);

        await using var writer = await fixture.SiloServer.ConnectAsync();
        await writer.ExecuteAsync("MULTI");
        await writer.ExecuteAsync("XADD", key, "1-0", "gone", "soon");
        await writer.ExecuteAsync("XDEL", key, "1-0");
        Assert.Equal("*2\r\n$3\r\n1-0\r\n:1\r\n", await writer.ExecuteAsync("EXEC"));
        await writer.ExecuteAsync("XADD", key, "2-0", "kept", "yes");

        Assert.Equal(
            $"*1\r\n*2\r\n${key.Length}\r\n{key}\r\n*1\r\n*2\r\n$3\r\n2-0\r\n*2\r\n$4\r\nkept\r\n$3\r\nyes\r\n",
            await reader.ReadReplyAsync());
    }

    [Theory]
    [InlineData("XGROUP")]
    [InlineData("XINFO")]
    public async Task Help_EndsWithTheNewerHelpLine(string command)
    {
        // 7.2 changed addReplyHelp's last line from "Prints this help." to "Print this help.".
        var reply = RespNode.Parse(await Silo.ExecuteAsync(command, "HELP"));

        Assert.Equal($"{command} <subcommand> [<arg> [value] [opt] ...]. Subcommands are:", reply[0].Text);
        Assert.Equal("HELP", reply.Items![^2].Text);
        Assert.Equal("    Print this help.", reply.Items![^1].Text);
    }

    [Theory]
    [InlineData("XGROUP")]
    [InlineData("XINFO")]
    public async Task Help_MatchesRedis_ApartFromTheLastLine(string command)
    {
        var expected = RespNode.Parse(await fixture.Redis.ExecuteAsync(command, "HELP"));
        var actual = RespNode.Parse(await Silo.ExecuteAsync(command, "HELP"));

        Assert.Equal(expected.Items!.SkipLast(1).Select(n => n.ToString()), actual.Items!.SkipLast(1).Select(n => n.ToString()));
    }

    private async Task<RespNode> GroupAsync(string key) => RespNode.Parse(await Silo.ExecuteAsync("XINFO", "GROUPS", key))[0];
}
