using System.Text;
using OrleansStreams.GrainHost;
using OrleansStreams.Keys;
using OrleansStreams.PlainKeys.Tests.Infrastructure;
using OrleansStreams.Strings;

namespace OrleansStreams.PlainKeys.Tests.Grains;

public sealed class StringGrainTests
{
    private readonly PlainKeyWorld _world = new();

    private StringSetRequest Set(string value, SetCondition condition = SetCondition.Always, SetExpiryMode mode = SetExpiryMode.Clear, long expiresAtMs = 0, bool get = false)
        => new(Encoding.ASCII.GetBytes(value), condition, mode, expiresAtMs, get, _world.NowMs);

    [Fact]
    public async Task Set_ThenGet_ReturnsTheValueAndClaimsTheKey()
    {
        await using var host = _world.StartHost();
        var result = await host.String("k").InvokeAsync(g => g.SetAsync(Set("hello")));
        var read = await host.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs));

        Assert.Equal(StringSetStatus.Set, result.Status);
        Assert.Equal("hello", Encoding.ASCII.GetString(read.Value!));
        Assert.Equal(KeyType.String, _world.Keyspace.TypeOf("k", _world.NowMs));
    }

    [Fact]
    public async Task Value_AfterDeactivation_IsRecoveredFromTheJournal()
    {
        long generation;
        await using (var before = _world.StartHost())
        {
            await before.String("k").InvokeAsync(g => g.SetAsync(Set("1")));
            for (var i = 0; i < 40; i++) await before.String("k").InvokeAsync(g => g.IncrementAsync(2, _world.NowMs));
            Assert.True(_world.Keyspace.TryGet("k", _world.NowMs, out var info));
            generation = info.Generation;
        }

        await using var after = _world.StartHost();
        var read = await after.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs));
        var incremented = await after.String("k").InvokeAsync(g => g.IncrementAsync(1, _world.NowMs));

        Assert.Equal("81", Encoding.ASCII.GetString(read.Value!));
        Assert.Equal(82, incremented.Value);
        Assert.True(_world.Keyspace.TryGet("k", _world.NowMs, out var now));
        Assert.Equal(generation, now.Generation);
    }

    [Fact]
    public async Task Journal_AfterManyWrites_IsCompactedIntoASnapshot()
    {
        await using var host = _world.StartHost();
        for (var i = 0; i < 50; i++) await host.String("k").InvokeAsync(g => g.IncrementAsync(1, _world.NowMs));

        var journal = await _world.ReadJournalAsync("string", "k");

        Assert.NotNull(journal.Snapshot);
        Assert.True(journal.Records.Count < 20, $"{journal.Records.Count} records after the snapshot");
    }

    [Fact]
    public async Task Key_WhenItsExpiryPasses_ReadsAsMissingAndIsReleased()
    {
        await using var host = _world.StartHost();
        await host.String("k").InvokeAsync(g => g.SetAsync(Set("v", mode: SetExpiryMode.At, expiresAtMs: _world.NowMs + 1000)));
        _world.Time.Advance(TimeSpan.FromMilliseconds(1000));

        var read = await host.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs));

        Assert.Null(read.Value);
        Assert.False(_world.Keyspace.TryGetIncludingExpired("k", out _));
        Assert.Empty((await _world.ReadJournalAsync("string", "k")).Records);
    }

    [Fact]
    public async Task Sweeper_WithAFakeClock_EvictsOnlyExpiredKeys()
    {
        await using var host = _world.StartHost();
        var soon = _world.NowMs + 5_000;
        await host.String("s").InvokeAsync(g => g.SetAsync(Set("v", mode: SetExpiryMode.At, expiresAtMs: soon)));
        await host.String("kept").InvokeAsync(g => g.SetAsync(Set("v")));
        await host.Hash("h").InvokeAsync(g => g.SetAsync([new("f", "v"u8.ToArray())], false, _world.NowMs));
        await host.Hash("h").InvokeAsync(g => g.ExpireAsync(new ExpireRequest(soon, ExpireConditions.None, _world.NowMs)));

        Assert.Equal(0, await host.Sweeper.SweepAsync());
        _world.Time.Advance(TimeSpan.FromSeconds(5));
        var removed = await host.Sweeper.SweepAsync();

        Assert.Equal(2, removed);
        Assert.Equal(["kept"], _world.Keyspace.AllEntries().Select(e => e.Key));
        Assert.Equal(0, (await _world.ReadJournalAsync("hash", "h")).Version);
    }

    [Fact]
    public async Task Sweeper_WhenOneGrainFails_StillEvictsTheOtherKeys()
    {
        await _world.Storage.AppendAsync(new GrainId("string", "bad"), "string", [new byte[] { 1, 1, 0, 0, 0, 0 }], 0, CancellationToken.None);
        _world.Keyspace.Restore(new KeyInfo("bad", KeyType.String, 1_000, _world.NowMs + 1));
        await using var host = _world.StartHost();
        await host.String("good").InvokeAsync(g => g.SetAsync(Set("v", mode: SetExpiryMode.At, expiresAtMs: _world.NowMs + 1)));
        _world.Time.Advance(TimeSpan.FromSeconds(1));

        var removed = await host.Sweeper.SweepAsync();

        Assert.Equal(1, removed);
        Assert.False(_world.Keyspace.TryGetIncludingExpired("good", out _));
    }

    [Fact]
    public async Task StaleState_AfterTheKeyWasRecreatedAsAHash_IsDiscarded()
    {
        await using var host = _world.StartHost();
        await host.String("k").InvokeAsync(g => g.SetAsync(Set("old", mode: SetExpiryMode.At, expiresAtMs: _world.NowMs + 10)));
        _world.Time.Advance(TimeSpan.FromMilliseconds(10));
        await host.Hash("k").InvokeAsync(g => g.SetAsync([new("f", "v"u8.ToArray())], false, _world.NowMs));

        var whileHash = await host.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs));
        await host.Hash("k").InvokeAsync(g => g.DeleteFieldsAsync(["f"], _world.NowMs));
        var afterHash = await host.String("k").InvokeAsync(g => g.GetAsync(_world.NowMs));
        var increment = await host.String("k").InvokeAsync(g => g.IncrementAsync(5, _world.NowMs));

        Assert.True(whileHash.WrongType);
        Assert.False(afterHash.WrongType);
        Assert.Null(afterHash.Value);
        Assert.Equal(new IntegerUpdateResult(NumberUpdateStatus.Ok, 5), increment);
    }

    [Fact]
    public async Task Set_OverAHash_ReportsTheOtherTypeUnlessGetOrNx()
    {
        await using var host = _world.StartHost();
        await host.Hash("k").InvokeAsync(g => g.SetAsync([new("f", "v"u8.ToArray())], false, _world.NowMs));

        var plain = await host.String("k").InvokeAsync(g => g.SetAsync(Set("v")));
        var withGet = await host.String("k").InvokeAsync(g => g.SetAsync(Set("v", get: true)));
        var withNx = await host.String("k").InvokeAsync(g => g.SetAsync(Set("v", SetCondition.IfMissing)));

        Assert.Equal(new StringSetResult(StringSetStatus.HeldByOtherType, null, KeyType.Hash), plain);
        Assert.Equal(StringSetStatus.WrongType, withGet.Status);
        Assert.Equal(StringSetStatus.NotSet, withNx.Status);
        Assert.Equal(KeyType.Hash, _world.Keyspace.TypeOf("k", _world.NowMs));
    }

    [Fact]
    public async Task Increment_OfANonIntegerOrPastTheLimit_ChangesNothing()
    {
        await using var host = _world.StartHost();
        await host.String("text").InvokeAsync(g => g.SetAsync(Set("abc")));
        await host.String("max").InvokeAsync(g => g.SetAsync(Set("9223372036854775807")));

        var text = await host.String("text").InvokeAsync(g => g.IncrementAsync(1, _world.NowMs));
        var max = await host.String("max").InvokeAsync(g => g.IncrementAsync(1, _world.NowMs));
        var value = await host.String("max").InvokeAsync(g => g.GetAsync(_world.NowMs));

        Assert.Equal(NumberUpdateStatus.NotANumber, text.Status);
        Assert.Equal(NumberUpdateStatus.Overflow, max.Status);
        Assert.Equal("9223372036854775807", Encoding.ASCII.GetString(value.Value!));
    }

    [Fact]
    public async Task IncrementFloat_UsesLongDoubleArithmetic()
    {
        await using var host = _world.StartHost();
        await host.String("k").InvokeAsync(g => g.SetAsync(Set("10.5")));
        Assert.True(LongDouble.TryParse("0.1"u8, out var delta));

        var result = await host.String("k").InvokeAsync(g => g.IncrementFloatAsync(delta, _world.NowMs));

        Assert.Equal("10.6", Encoding.ASCII.GetString(result.Text!));
    }

    [Fact]
    public async Task Delete_RemovesTheKeyAndItsJournal()
    {
        await using var host = _world.StartHost();
        await host.String("k").InvokeAsync(g => g.SetAsync(Set("v")));

        var first = await host.String("k").InvokeAsync(g => g.DeleteAsync());
        var second = await host.String("k").InvokeAsync(g => g.DeleteAsync());

        Assert.True(first);
        Assert.False(second);
        Assert.Equal(KeyType.None, _world.Keyspace.TypeOf("k", _world.NowMs));
        Assert.Equal(0, (await _world.ReadJournalAsync("string", "k")).Version);
    }

    [Fact]
    public async Task Set_WithAnExpiryInThePast_LeavesNoKey()
    {
        await using var host = _world.StartHost();
        var result = await host.String("k").InvokeAsync(g => g.SetAsync(Set("v", mode: SetExpiryMode.At, expiresAtMs: _world.NowMs - 1)));

        Assert.Equal(StringSetStatus.Set, result.Status);
        Assert.False(_world.Keyspace.TryGetIncludingExpired("k", out _));
    }
}
