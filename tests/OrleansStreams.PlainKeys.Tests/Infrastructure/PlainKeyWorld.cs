using OrleansStreams.GrainHost;
using KeyDirectory = OrleansStreams.Grains.Keyspace.Keyspace;

namespace OrleansStreams.PlainKeys.Tests.Infrastructure;

/// <summary>What outlives a host in these tests: the clock, the keyspace and the journal storage.</summary>
internal sealed class PlainKeyWorld
{
    public ManualTimeProvider Time { get; } = new(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));

    public KeyDirectory Keyspace { get; } = new();

    public MemoryJournalStorage Storage { get; } = new();

    public long NowMs => Time.NowMs;

    public PlainKeyHost StartHost() => PlainKeyHost.Start(Time, Keyspace, Storage);

    public Task<JournalReadResult> ReadJournalAsync(string grainType, string key)
        => Storage.ReadAsync(new GrainId(grainType, key), grainType, CancellationToken.None);
}
