using OrleansStreams.Grains.Keyspace;
using OrleansStreams.Keys;

namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>The key-generation lease: no generation is handed out before a stored limit covers it.</summary>
public sealed class GenerationLeaseTests
{
    private readonly List<long> _stored = [];

    [Fact]
    public void Claims_BeyondTheStoredLimit_AreCoveredByAStoredLimitBeforeTheyAreHandedOut()
    {
        var keyspace = new Keyspace();
        keyspace.UseGenerationLease(new GenerationLease(limit: 0, blockSize: 4, StoreAsync));

        for (var i = 0; i < 50; i++)
        {
            var claim = keyspace.TryClaim($"key-{i}", KeyType.String, nowMs: 0);
            lock (_stored) Assert.True(_stored.Count > 0 && _stored.Max() >= claim.Generation, $"Generation {claim.Generation} was handed out above every stored limit.");
        }
        // About one write per half block, not one per claim.
        lock (_stored) Assert.InRange(_stored.Count, 10, 26);
    }

    [Fact]
    public void Claim_WhenTheLimitCannotBeStored_FailsAndALaterClaimSucceedsOnceItCan()
    {
        var failing = true;
        var keyspace = new Keyspace();
        keyspace.UseGenerationLease(new GenerationLease(limit: 0, blockSize: 4, limit => failing ? throw new IOException("disk gone") : StoreAsync(limit)));

        var failure = Assert.Throws<InvalidOperationException>(() => keyspace.TryClaim("a", KeyType.String, nowMs: 0));
        Assert.Contains("storage unavailable", failure.Message);
        Assert.Contains("disk gone", failure.Message);
        Assert.False(keyspace.TryGet("a", nowMs: 0, out _));

        failing = false;
        var claim = keyspace.TryClaim("a", KeyType.String, nowMs: 0);
        Assert.True(claim.Succeeded);
        lock (_stored) Assert.True(_stored.Max() >= claim.Generation);
    }

    [Fact]
    public void Keyspace_AfterSkippingGenerations_ContinuesAboveThem()
    {
        var keyspace = new Keyspace();
        keyspace.SkipGenerationsThrough(1000);
        Assert.Equal(1001, keyspace.TryClaim("k", KeyType.Stream, nowMs: 0).Generation);
    }

    private Task StoreAsync(long limit)
    {
        lock (_stored) _stored.Add(limit);
        return Task.CompletedTask;
    }
}
