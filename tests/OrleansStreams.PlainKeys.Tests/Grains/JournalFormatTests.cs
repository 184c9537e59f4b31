using OrleansStreams.GrainHost;
using OrleansStreams.Grains.Expiry;
using OrleansStreams.Keys;
using OrleansStreams.PlainKeys.Tests.Infrastructure;
using OrleansStreams.Strings;

namespace OrleansStreams.PlainKeys.Tests.Grains;

/// <summary>
/// Pins the bytes the string and hash grains keep in journal storage: version 1 records are
/// [version][kind][fields, little-endian, byte strings length-prefixed][CRC-32C (Castagnoli) of what precedes].
/// Changing them breaks stored data. The samples were checked against an independent CRC-32C implementation.
/// </summary>
public sealed class JournalFormatTests
{
    // SET k v PXAT 4102444800000 as generation 1: kind 1 (value), generation, expiry, value.
    private const string StringValueRecord = "0101010000000000000000D8C32CBB03000001000000762BCE1426";

    // HSET h f v as generation 1: kind 1 (claim) with the generation, then kind 2 (set field) with name and value.
    private const string HashClaimRecord = "01010100000000000000A1208995";
    private const string HashSetFieldRecord = "0102010000006601000000762085E977";

    private const long ExpiresAtMs = 4102444800000;

    private readonly PlainKeyWorld _world = new();

    [Fact]
    public async Task StringGrain_WritesThePinnedRecord()
    {
        await using var host = _world.StartHost();
        await host.String("k").InvokeAsync(g => g.SetAsync(new StringSetRequest("v"u8.ToArray(), SetCondition.Always, SetExpiryMode.At, ExpiresAtMs, false, _world.NowMs)));

        var journal = await _world.ReadJournalAsync("string", "k");

        Assert.Equal([StringValueRecord], journal.Records.Select(r => Convert.ToHexString(r.Span)));
    }

    [Fact]
    public async Task HashGrain_WritesThePinnedRecords()
    {
        await using var host = _world.StartHost();
        await host.Hash("h").InvokeAsync(g => g.SetAsync([new("f", "v"u8.ToArray())], false, _world.NowMs));

        var journal = await _world.ReadJournalAsync("hash", "h");

        Assert.Equal([HashClaimRecord, HashSetFieldRecord], journal.Records.Select(r => Convert.ToHexString(r.Span)));
    }

    [Fact]
    public async Task StringGrain_RecoversFromThePinnedRecord()
    {
        await _world.Storage.AppendAsync(new GrainId("string", "k"), "string", [Convert.FromHexString(StringValueRecord)], 0, CancellationToken.None);
        _world.Keyspace.Restore(new KeyInfo("k", KeyType.String, 1, ExpiresAtMs));
        await using var host = _world.StartHost();

        var read = await host.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs));

        Assert.Equal("v"u8.ToArray(), read.Value);
    }

    [Fact]
    public async Task HashGrain_RecoversFromThePinnedRecords()
    {
        ReadOnlyMemory<byte>[] records = [Convert.FromHexString(HashClaimRecord), Convert.FromHexString(HashSetFieldRecord)];
        await _world.Storage.AppendAsync(new GrainId("hash", "h"), "hash", records, 0, CancellationToken.None);
        _world.Keyspace.Restore(new KeyInfo("h", KeyType.Hash, 1, 0));
        await using var host = _world.StartHost();

        var read = await host.Hash("h").InvokeAsync(g => g.GetAsync("f", _world.NowMs));

        Assert.Equal("v"u8.ToArray(), read.Value);
    }

    [Fact]
    public async Task CorruptRecord_FailsActivationWithAJournalRecordException()
    {
        var corrupt = Convert.FromHexString(StringValueRecord);
        corrupt[^6] ^= 0xFF;
        await _world.Storage.AppendAsync(new GrainId("string", "k"), "string", [corrupt], 0, CancellationToken.None);
        await using var host = _world.StartHost();

        var failure = await Record.ExceptionAsync(async () => await host.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs)));

        Assert.True(Contains<JournalRecordException>(failure), $"Expected a JournalRecordException, got {failure}");
    }

    private static bool Contains<T>(Exception? exception) where T : Exception
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is T) return true;
            if (exception is AggregateException aggregate && aggregate.InnerExceptions.Any(Contains<T>)) return true;
        }
        return false;
    }
}
