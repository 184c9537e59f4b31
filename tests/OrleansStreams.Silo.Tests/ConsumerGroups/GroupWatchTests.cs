using OrleansStreams.Silo.Tests.Infrastructure;
using OrleansStreams.Silo.Tests.Streams;

namespace OrleansStreams.Silo.Tests.ConsumerGroups;

/// <summary>
/// WATCH on a stream key against redis-server: Redis does not count consumer-group state as part of the key, so
/// reading with a group, acknowledging, claiming and the XGROUP subcommands leave the WATCH intact (EXEC runs);
/// only XGROUP CREATE MKSTREAM, which creates the key, aborts the transaction.
/// </summary>
[Collection("differential")]
public sealed class GroupWatchTests(DifferentialFixture fixture)
{
    public static TheoryData<string> GroupCommands => new()
    {
        "XREADGROUP GROUP g other STREAMS {0} >",
        "XREADGROUP GROUP g c STREAMS {0} 0",
        "XACK {0} g 1-0",
        "XCLAIM {0} g other 0 1-0",
        "XAUTOCLAIM {0} g other 0 0",
        "XGROUP CREATECONSUMER {0} g newcomer",
        "XGROUP DELCONSUMER {0} g c",
        "XGROUP SETID {0} g 0",
        "XGROUP CREATE {0} g2 0",
        "XGROUP CREATE {0} g2 0 MKSTREAM",
        "XGROUP DESTROY {0} g",
        "XPENDING {0} g",
        "XINFO GROUPS {0}",
    };

    [Theory]
    [MemberData(nameof(GroupCommands))]
    public async Task GroupCommand_FromAnotherClient_LeavesTheWatchIntact(string command)
    {
        var key = StreamKeys.New("watched");
        await fixture.AssertSameScriptAsync(
        [
            ["XADD", key, "1-0", "f", "v"],
            ["XADD", key, "2-0", "f", "v"],
            ["XGROUP", "CREATE", key, "g", "0"],
            ["XREADGROUP", "GROUP", "g", "c", "COUNT", "1", "STREAMS", key, ">"],
        ]);
        await using var watcher = await fixture.ConnectPairAsync();
        await watcher.AssertSameAsync("WATCH", key);

        await fixture.AssertSameAsync(string.Format(command, key).Split(' '));

        await watcher.AssertSameAsync("MULTI");
        await watcher.AssertSameAsync("XLEN", key);
        var expected = await watcher.Redis.ExecuteAsync("EXEC");
        Assert.Equal(expected, await watcher.Silo.ExecuteAsync("EXEC"));
        Assert.StartsWith("*1\r\n", expected);
    }

    [Fact]
    public async Task XGroupCreate_WithMkStream_ThatCreatesTheKey_AbortsTheWatchingTransaction()
    {
        var key = StreamKeys.New("watched-mkstream");
        await using var watcher = await fixture.ConnectPairAsync();
        await watcher.AssertSameAsync("WATCH", key);

        await fixture.AssertSameAsync("XGROUP", "CREATE", key, "g", "$", "MKSTREAM");

        await watcher.AssertSameAsync("MULTI");
        await watcher.AssertSameAsync("XLEN", key);
        var expected = await watcher.Redis.ExecuteAsync("EXEC");
        Assert.Equal(expected, await watcher.Silo.ExecuteAsync("EXEC"));
        Assert.Equal("*-1\r\n", expected);
    }
}
