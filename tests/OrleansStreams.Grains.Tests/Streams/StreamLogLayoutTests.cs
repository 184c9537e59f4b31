using OrleansStreams.Grains.Streams;
using OrleansStreams.Streams;
using static OrleansStreams.Grains.Tests.Streams.StreamTestData;

namespace OrleansStreams.Grains.Tests.Streams;

/// <summary>
/// Node boundaries must match Redis's (they show in XINFO and decide what <c>~</c> trimming removes). Expected
/// (length, radix-tree-keys, radix-tree-nodes) triples were read with XINFO STREAM from redis-server 7.0.15 after
/// the same commands.
/// </summary>
public sealed class StreamLogLayoutTests
{
    [Fact]
    public void LargeValues_StartNewNodesAtTheByteLimit()
    {
        var settings = Settings();
        var log = new StreamLog();
        for (var j = 0; j < 1000; j++) log.Append(new StreamId((ulong)j + 1, 0), Fields("f", new string('x', 100)), settings);
        AssertShape(log, 1000, 28, 62);
    }

    [Fact]
    public void NumericValues_CountAsListpackIntegers()
    {
        var settings = Settings();
        var log = new StreamLog();
        for (var j = 0; j < 1000; j++) log.Append(new StreamId((ulong)j + 1, 0), Fields("field", (j * 1000).ToString(), "n", (-j).ToString()), settings);
        AssertShape(log, 1000, 10, 26);
    }

    [Fact]
    public void DifferentFieldNames_AreStoredPerEntry()
    {
        var settings = Settings();
        var log = new StreamLog();
        for (var j = 0; j < 500; j++) log.Append(new StreamId(5, (ulong)j + 1), Fields("f" + (j % 3), new string('y', 60), "g", new string('z', j % 70)), settings);
        AssertShape(log, 500, 14, 18);
    }

    [Fact]
    public void VaryingIdGapsAndSizes_MatchRedis()
    {
        var settings = Settings();
        var log = new StreamLog();
        ulong[] steps = [0, 0, 1, 3, 1000, 100000, 70000000];
        var ms = 1000UL;
        for (var j = 0; j < 2000; j++)
        {
            ms += steps[(j * 5 + 3) % 7];
            Assert.Equal(StreamAddStatus.Added, log.TryAdd(StreamIdMode.AutoSequence, new StreamId(ms, 0), Fields("k", new string('v', j * 37 % 301)), 0, settings, out _));
        }
        AssertShape(log, 2000, 83, 173);
    }

    [Fact]
    public void AnEntryAboveTheByteLimit_FillsItsOwnNode()
    {
        var settings = Settings();
        var log = new StreamLog();
        log.Append(new StreamId(1, 1), Fields("f", new string('x', 5000)), settings);
        for (var j = 0; j < 10; j++) log.Append(new StreamId(2, (ulong)j), Fields("f", "x"), settings);
        AssertShape(log, 11, 2, 6);
    }

    [Fact]
    public void ZeroLimits_KeepEverythingInOneNode()
    {
        var settings = Settings(nodeMaxEntries: 0, nodeMaxBytes: 0);
        var log = new StreamLog();
        for (var j = 0; j < 500; j++) log.Append(new StreamId((ulong)j + 1, 0), Fields("f", new string('x', 50)), settings);
        AssertShape(log, 500, 1, 2);
    }

    [Fact]
    public void VaryingFieldCounts_MatchRedis()
    {
        var settings = Settings();
        var log = new StreamLog();
        for (var j = 0; j < 600; j++)
        {
            var items = new List<string>();
            for (var f = 0; f < j % 6 + 1; f++)
            {
                items.Add("field" + f);
                items.Add((j * (f + 1) - 300).ToString());
            }
            log.Append(new StreamId((ulong)(j / 3), (ulong)(j % 3 + 1)), Fields([.. items]), settings);
        }
        AssertShape(log, 600, 7, 16);
    }

    [Fact]
    public void OneEntryPerNode_WithDeletes_MatchesRedisTreeShape()
    {
        var settings = Settings(nodeMaxEntries: 1);
        var log = new StreamLog();
        for (var j = 0; j < 300; j++) log.Append(new StreamId((ulong)(j * 37 + 1), (ulong)(j % 5)), Fields("a", "b"), settings);
        AssertShape(log, 300, 300, 646);
        for (var j = 0; j < 300; j += 3) log.Delete([new StreamId((ulong)(j * 37 + 1), (ulong)(j % 5))]);
        AssertShape(log, 200, 200, 446);
    }

    [Fact]
    public void TimestampKeys_MatchRedisTreeShape()
    {
        var settings = Settings(nodeMaxEntries: 1);
        var log = new StreamLog();
        for (var j = 0; j < 300; j++) log.Append(new StreamId(1700000000000UL + (ulong)j * 1000, 0), Fields("a", "b"), settings);
        AssertShape(log, 300, 300, 607);
    }

    [Fact]
    public void DeletingANodesLastLiveEntry_FreesTheNode_AndAppendsFollowTheTailRules()
    {
        var settings = Settings();
        var log = Log(350, settings);
        for (var j = 101; j <= 200; j++) log.Delete([new StreamId((ulong)j, 0)]);
        AssertShape(log, 250, 3, 9);
        for (var j = 300; j <= 350; j++) log.Delete([new StreamId((ulong)j, 0)]);
        AssertShape(log, 199, 2, 6);
        for (var j = 0; j < 10; j++) log.Append(new StreamId(400 + (ulong)j, 0), Fields("a", "b"), settings);
        AssertShape(log, 209, 3, 9);
    }

    [Fact]
    public void EmptyStream_HasOneTreeNode()
    {
        AssertShape(new StreamLog(), 0, 0, 1);
    }

    private static void AssertShape(StreamLog log, long length, int keys, long nodes)
    {
        Assert.Equal(length, log.Length);
        Assert.Equal(keys, log.NodeCount);
        Assert.Equal(nodes, log.RadixTreeNodeCount());
    }
}
