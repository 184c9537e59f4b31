using OrleansStreams.Grains.ConsumerGroups;
using OrleansStreams.Streams;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>The read-counter estimate of reference section 7, rule by rule.</summary>
public sealed class EntriesReadEstimatorTests
{
    [Fact]
    public void Estimate_OfANeverUsedStream_IsZero()
    {
        Assert.Equal(0, EntriesReadEstimator.Estimate(Stream(length: 0, first: "0", last: "0", maxDeleted: "0", added: 0), Ids.Parse("5")));
    }

    [Fact]
    public void Estimate_InAnEmptiedStream_IsEntriesAddedUpToTheLastId()
    {
        var stream = Stream(length: 0, first: "0", last: "7", maxDeleted: "7", added: 7);

        Assert.Equal(7, EntriesReadEstimator.Estimate(stream, Ids.Parse("3")));
        Assert.Equal(EntriesReadEstimator.Unknown, EntriesReadEstimator.Estimate(stream, Ids.Parse("8")));
    }

    [Fact]
    public void Estimate_BeforeATombstone_IsUnknown()
    {
        var stream = Stream(length: 4, first: "1", last: "5", maxDeleted: "3", added: 5);

        Assert.Equal(EntriesReadEstimator.Unknown, EntriesReadEstimator.Estimate(stream, Ids.Parse("2")));
        Assert.Equal(5, EntriesReadEstimator.Estimate(stream, Ids.Parse("5")));
    }

    [Fact]
    public void Estimate_AfterTheLastId_IsUnknown()
    {
        Assert.Equal(EntriesReadEstimator.Unknown, EntriesReadEstimator.Estimate(Stream(length: 3, first: "1", last: "3", maxDeleted: "0", added: 3), Ids.Parse("4")));
    }

    [Fact]
    public void Estimate_AtOrBeforeTheFirstEntryOfAnUnfragmentedStream_CountsTheTrimmedEntries()
    {
        var stream = Stream(length: 3, first: "4", last: "6", maxDeleted: "0", added: 6);

        Assert.Equal(3, EntriesReadEstimator.Estimate(stream, Ids.Parse("2")));
        Assert.Equal(4, EntriesReadEstimator.Estimate(stream, Ids.Parse("4")));
        Assert.Equal(EntriesReadEstimator.Unknown, EntriesReadEstimator.Estimate(stream, Ids.Parse("5")));
    }

    [Fact]
    public void Estimate_WithTombstonesBeforeTheFirstEntry_IgnoresThem()
    {
        var stream = Stream(length: 2, first: "5", last: "6", maxDeleted: "3", added: 6);

        Assert.Equal(4, EntriesReadEstimator.Estimate(stream, Ids.Parse("4")));
        Assert.Equal(5, EntriesReadEstimator.Estimate(stream, Ids.Parse("5")));
    }

    [Fact]
    public void HasTombstones_IsTrueOnlyUpToTheGreatestDeletedId()
    {
        var stream = Stream(length: 4, first: "1", last: "5", maxDeleted: "3", added: 5);

        Assert.True(EntriesReadEstimator.HasTombstones(stream, Ids.Parse("3")));
        Assert.False(EntriesReadEstimator.HasTombstones(stream, Ids.Parse("4")));
        Assert.False(EntriesReadEstimator.HasTombstones(stream with { MaxDeletedId = StreamId.Zero }, Ids.Parse("1")));
        Assert.False(EntriesReadEstimator.HasTombstones(stream with { Length = 0 }, Ids.Parse("1")));
    }

    private static StreamMetadata Stream(long length, string first, string last, string maxDeleted, long added)
        => new(length, Ids.Parse(last), Ids.Parse(first), Ids.Parse(maxDeleted), added, 0, 0, 0, 1);
}
