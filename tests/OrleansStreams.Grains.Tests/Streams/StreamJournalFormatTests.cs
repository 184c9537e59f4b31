using OrleansStreams.Grains.Expiry;
using OrleansStreams.Grains.Streams;
using OrleansStreams.Keys;
using OrleansStreams.Streams;
using static OrleansStreams.Grains.Tests.Streams.StreamTestData;

namespace OrleansStreams.Grains.Tests.Streams;

/// <summary>Journal bytes are stored: these samples pin the format (version 1), so a change to it cannot go unnoticed.</summary>
public sealed class StreamJournalFormatTests
{
    // Version 1, Claim, generation 7 (varint), CRC-32C little-endian.
    private const string ClaimSample = "01010798cd4d02";

    // Version 1, Add, ID 5-1, one pair, "f" = "v", no trim, CRC-32C.
    private const string AddSample = "010205010101660176004dc808d9";

    private readonly StreamSettings _settings = Settings();

    [Fact]
    public void Writer_ProducesThePinnedBytes()
    {
        var writer = new StreamRecordWriter();
        Assert.Equal(ClaimSample, Convert.ToHexStringLower(writer.Begin(StreamRecordKind.Claim).UInt(7).Complete()));
        var fields = Fields("f", "v");
        var add = writer.Begin(StreamRecordKind.Add).Id(new StreamId(5, 1)).UInt(1).Raw(fields.Encoded).Byte(StreamRecordKind.TrimNone).Complete();
        Assert.Equal(AddSample, Convert.ToHexStringLower(add));
    }

    [Fact]
    public void PinnedSamples_ReplayIntoAStream()
    {
        var (state, owned) = NewState();
        state.Apply(Convert.FromHexString(ClaimSample), owned);
        state.Apply(Convert.FromHexString(AddSample), owned);
        Assert.Equal(7, owned.Generation);
        Assert.Equal(["5-1 f v"], All(state.Log));
    }

    [Fact]
    public void CorruptRecord_FailsItsChecksum()
    {
        var (state, owned) = NewState();
        var corrupt = Convert.FromHexString(AddSample);
        corrupt[7] ^= 1;
        var error = Assert.Throws<JournalRecordException>(() => state.Apply(corrupt, owned));
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Snapshot_RoundTripsTheWholeState()
    {
        var (state, owned) = NewState();
        owned.Recover(3, 123456);
        for (var i = 1; i <= 250; i++) state.Log.Append(new StreamId((ulong)i, (ulong)i % 3), Fields("n", i.ToString(), i % 2 == 0 ? "even" : "odd", "x"), _settings);
        state.Log.Delete([new StreamId(7, 1), new StreamId(150, 0)]);
        state.Log.Trim(StreamTrimOptions.ByMaxLen(200), _settings.NodeMaxEntries);
        state.Groups["g"] = 4;
        state.GroupsGeneration = 5;

        var snapshot = state.EncodeSnapshot(new StreamRecordWriter(), owned).ToArray();
        var (copy, copyOwner) = NewState();
        copy.ApplySnapshot(snapshot, copyOwner);

        Assert.Equal(All(state.Log), All(copy.Log));
        Assert.Equal(state.Metadata(3), copy.Metadata(3));
        Assert.Equal(3, copyOwner.Generation);
        Assert.Equal(123456, copyOwner.ExpiresAtMs);
        Assert.Equal(4, copy.Groups["g"]);
        Assert.Equal(state.Log.NodeCount, copy.Log.NodeCount);
        Assert.Equal(state.Log.Nodes[^1].ListpackBytes, copy.Log.Nodes[^1].ListpackBytes);
    }

    private (StreamState State, OwnedKey Owned) NewState()
        => (new StreamState(_settings), new OwnedKey(new Keyspace.Keyspace(), KeyType.Stream) { Key = "k" });
}
