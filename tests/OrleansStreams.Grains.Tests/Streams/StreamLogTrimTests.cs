using OrleansStreams.Grains.Streams;
using OrleansStreams.Streams;
using static OrleansStreams.Grains.Tests.Streams.StreamTestData;

namespace OrleansStreams.Grains.Tests.Streams;

/// <summary>The observable trimming numbers of Redis's test suite (reference section 3.3), which depend on node sizes.</summary>
public sealed class StreamLogTrimTests
{
    [Fact]
    public void ApproximateMaxLen_On1000Appends_Leaves600()
    {
        var settings = Settings();
        var log = new StreamLog();
        for (var i = 1; i <= 1000; i++)
        {
            log.Append(new StreamId((ulong)i, 0), Fields("xitem", i.ToString()), settings);
            log.Trim(StreamTrimOptions.ByMaxLen(555, approximate: true), settings.NodeMaxEntries);
        }
        Assert.Equal(600, log.Length);
    }

    [Fact]
    public void ApproximateMaxLen_AfterExactTrimTo555_Leaves500()
    {
        var settings = Settings();
        var log = Log(1000, settings);
        Assert.Equal(445, log.Trim(StreamTrimOptions.ByMaxLen(555), settings.NodeMaxEntries));
        Assert.Equal(555, log.Length);
        Assert.Equal(55, log.Trim(StreamTrimOptions.ByMaxLen(444, approximate: true), settings.NodeMaxEntries));
        Assert.Equal(500, log.Length);
    }

    [Fact]
    public void ApproximateMaxLenWithLimit_OnNodesOf10_Leaves71Then62()
    {
        var settings = Settings(nodeMaxEntries: 10);
        var log = Log(100, settings);
        var trim = StreamTrimOptions.ByMaxLen(55, approximate: true, limit: 30);
        log.Append(new StreamId(101, 0), Fields("f", "v"), settings);
        log.Trim(trim, settings.NodeMaxEntries);
        Assert.Equal(71, log.Length);
        log.Append(new StreamId(102, 0), Fields("f", "v"), settings);
        log.Trim(trim, settings.NodeMaxEntries);
        Assert.Equal(62, log.Length);
    }

    [Fact]
    public void ApproximateMaxLen_OnNodesOf1_StopsAtTheDefaultLimitOf100()
    {
        var settings = Settings(nodeMaxEntries: 1);
        var log = Log(102, settings);
        Assert.Equal(100, log.Trim(StreamTrimOptions.ByMaxLen(1, approximate: true), settings.NodeMaxEntries));
        Assert.Equal(2, log.Length);
    }

    [Fact]
    public void ApproximateMaxLenZero_OnNodesOf2_RemovesOnlyWholeNodesWithinTheLimit()
    {
        var settings = Settings(nodeMaxEntries: 2);
        var log = Log(3, settings);
        Assert.Equal(0, log.Trim(StreamTrimOptions.ByMaxLen(0, approximate: true, limit: 1), settings.NodeMaxEntries));
        Assert.Equal(2, log.Trim(StreamTrimOptions.ByMaxLen(0, approximate: true, limit: 2), settings.NodeMaxEntries));
        Assert.Equal(1, log.Length);
    }

    [Fact]
    public void ExplicitLimitZero_MeansNoLimit()
    {
        var settings = Settings(nodeMaxEntries: 1);
        var log = Log(300, settings);
        Assert.Equal(299, log.Trim(StreamTrimOptions.ByMaxLen(1, approximate: true, limit: 0), settings.NodeMaxEntries));
    }

    [Fact]
    public void ExactMaxLen_FlagsEntriesInsideTheFirstKeptNode_AndKeepsTheNewest()
    {
        var settings = Settings();
        var log = Log(250, settings);
        Assert.Equal(130, log.Trim(StreamTrimOptions.ByMaxLen(120), settings.NodeMaxEntries));
        Assert.Equal(120, log.Length);
        Assert.Equal(new StreamId(131, 0), log.FirstId);
        // One whole node went; the second keeps its tombstones until it empties.
        Assert.Equal(2, log.NodeCount);
        Assert.Equal("131-0 f v", All(log)[0]);
    }

    [Fact]
    public void ExactMinId_RemovesEverythingBelowTheId()
    {
        var settings = Settings();
        var log = Log(250, settings);
        Assert.Equal(149, log.Trim(StreamTrimOptions.ByMinId(new StreamId(150, 0)), settings.NodeMaxEntries));
        Assert.Equal(new StreamId(150, 0), log.FirstId);
        Assert.Equal(101, log.Length);
    }

    [Fact]
    public void ApproximateMinId_RemovesOnlyNodesWhoseLastIdIsBelowTheId()
    {
        var settings = Settings();
        var log = Log(250, settings);
        Assert.Equal(100, log.Trim(StreamTrimOptions.ByMinId(new StreamId(150, 0), approximate: true), settings.NodeMaxEntries));
        Assert.Equal(new StreamId(101, 0), log.FirstId);
    }

    [Fact]
    public void Trim_DoesNotMoveMaxDeletedId()
    {
        var settings = Settings();
        var log = Log(10, settings);
        log.Trim(StreamTrimOptions.ByMaxLen(2), settings.NodeMaxEntries);
        Assert.Equal(StreamId.Zero, log.MaxDeletedId);
        Assert.Equal(new StreamId(10, 0), log.LastId);
    }

    [Fact]
    public void TrimToEmpty_ResetsFirstId()
    {
        var settings = Settings();
        var log = Log(10, settings);
        Assert.Equal(10, log.Trim(StreamTrimOptions.ByMaxLen(0), settings.NodeMaxEntries));
        Assert.Equal(StreamId.Zero, log.FirstId);
        Assert.Equal(0, log.NodeCount);
        Assert.Equal(10, log.EntriesAdded);
    }
}
