using System.Collections.Concurrent;
using KeyDirectory = OrleansStreams.Grains.Keyspace.Keyspace;

namespace OrleansStreams.ConsumerGroups.Tests;

/// <summary>The in-memory streams consumer groups see in tests, one per key.</summary>
public sealed class FakeStreams(KeyDirectory keyspace) : IStreamViewProvider
{
    private readonly ConcurrentDictionary<string, FakeStream> _streams = new(StringComparer.Ordinal);

    public FakeStream this[string key] => _streams.GetOrAdd(key, k => new FakeStream(keyspace, k));

    public IStreamView GetStream(string streamKey) => this[streamKey];
}
