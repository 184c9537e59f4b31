using System.Text;
using OrleansStreams.Hashes;
using OrleansStreams.Keys;
using OrleansStreams.PlainKeys.Tests.Infrastructure;
using OrleansStreams.Strings;

namespace OrleansStreams.PlainKeys.Tests.Grains;

public sealed class HashGrainTests
{
    private readonly PlainKeyWorld _world = new();

    private static HashField Field(string name, string value) => new(name, Encoding.ASCII.GetBytes(value));

    private static string[] Show(HashField[] fields) => [.. fields.Select(f => $"{f.Name}={Encoding.ASCII.GetString(f.Value)}")];

    [Fact]
    public async Task Fields_KeepInsertionOrderAcrossUpdatesAndDeletes()
    {
        await using var host = _world.StartHost();
        await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("b", "1"), Field("a", "2"), Field("c", "3")], false, _world.NowMs));
        var added = await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("a", "20"), Field("d", "4")], false, _world.NowMs));
        await host.Hash("h").InvokeAsync(g => g.DeleteFieldsAsync(["b"], _world.NowMs));

        var all = await host.Hash("h").InvokeAsync(g => g.GetAllAsync(_world.NowMs));

        Assert.Equal(1, added.Value);
        Assert.Equal(["a=20", "c=3", "d=4"], Show(all.Value));
    }

    [Fact]
    public async Task Fields_AfterDeactivation_AreRecoveredIncludingAfterASnapshot()
    {
        await using (var before = _world.StartHost())
        {
            await before.Hash("h").InvokeAsync(g => g.SetAsync([Field("z", "first"), Field("n", "0")], false, _world.NowMs));
            for (var i = 0; i < 100; i++) await before.Hash("h").InvokeAsync(g => g.IncrementAsync("n", 1, _world.NowMs));
            await before.Hash("h").InvokeAsync(g => g.SetAsync([Field("gone", "x"), Field("last", "y")], false, _world.NowMs));
            await before.Hash("h").InvokeAsync(g => g.DeleteFieldsAsync(["gone"], _world.NowMs));
            await before.Hash("h").InvokeAsync(g => g.ExpireAsync(new ExpireRequest(_world.NowMs + 60_000, ExpireConditions.None, _world.NowMs)));
        }
        var journal = await _world.ReadJournalAsync("hash", "h");

        await using var after = _world.StartHost();
        var all = await after.Hash("h").InvokeAsync(g => g.GetAllAsync(_world.NowMs));

        Assert.NotNull(journal.Snapshot);
        Assert.Equal(["z=first", "n=100", "last=y"], Show(all.Value));
    }

    [Fact]
    public async Task LastFieldDeleted_ReleasesTheKeyAndClearsTheJournal()
    {
        await using var host = _world.StartHost();
        await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("a", "1"), Field("b", "2")], false, _world.NowMs));

        var removed = await host.Hash("h").InvokeAsync(g => g.DeleteFieldsAsync(["a", "b", "c"], _world.NowMs));

        Assert.Equal(2, removed.Value);
        Assert.Equal(KeyType.None, _world.Keyspace.TypeOf("h", _world.NowMs));
        Assert.Equal(0, (await _world.ReadJournalAsync("hash", "h")).Version);
    }

    [Fact]
    public async Task SetIfNew_OnAnExistingField_WritesNothing()
    {
        await using var host = _world.StartHost();
        await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("a", "1")], false, _world.NowMs));

        var again = await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("a", "2")], true, _world.NowMs));
        var value = await host.Hash("h").InvokeAsync(g => g.GetAsync("a", _world.NowMs));

        Assert.Equal(0, again.Value);
        Assert.Equal("1", Encoding.ASCII.GetString(value.Value!));
    }

    [Fact]
    public async Task Increment_OfANonIntegerField_ReportsIt()
    {
        await using var host = _world.StartHost();
        await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("a", "x"), Field("m", "-9223372036854775808")], false, _world.NowMs));

        var text = await host.Hash("h").InvokeAsync(g => g.IncrementAsync("a", 1, _world.NowMs));
        var min = await host.Hash("h").InvokeAsync(g => g.IncrementAsync("m", -1, _world.NowMs));

        Assert.Equal(NumberUpdateStatus.NotANumber, text.Status);
        Assert.Equal(NumberUpdateStatus.Overflow, min.Status);
    }

    [Fact]
    public async Task Calls_OnAStringKey_GiveWrongType()
    {
        await using var host = _world.StartHost();
        await host.String("k").InvokeAsync(g => g.SetAsync(new StringSetRequest("v"u8.ToArray(), SetCondition.Always, SetExpiryMode.Clear, 0, false, _world.NowMs)));

        var set = await host.Hash("k").InvokeAsync(g => g.SetAsync([Field("a", "1")], false, _world.NowMs));
        var get = await host.Hash("k").InvokeAsync(g => g.GetAllAsync(_world.NowMs));
        var increment = await host.Hash("k").InvokeAsync(g => g.IncrementAsync("a", 1, _world.NowMs));

        Assert.True(set.WrongType);
        Assert.True(get.WrongType);
        Assert.Equal(NumberUpdateStatus.WrongType, increment.Status);
    }

    [Fact]
    public async Task Persist_RemovesAnExpiryOnce()
    {
        await using var host = _world.StartHost();
        await host.Hash("h").InvokeAsync(g => g.SetAsync([Field("a", "1")], false, _world.NowMs));
        var expire = await host.Hash("h").InvokeAsync(g => g.ExpireAsync(new ExpireRequest(_world.NowMs + 1000, ExpireConditions.Nx, _world.NowMs)));

        var first = await host.Hash("h").InvokeAsync(g => g.PersistAsync(_world.NowMs));
        var second = await host.Hash("h").InvokeAsync(g => g.PersistAsync(_world.NowMs));
        _world.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.Equal(ExpireOutcome.Applied, expire);
        Assert.True(first);
        Assert.False(second);
        Assert.Equal(KeyType.Hash, _world.Keyspace.TypeOf("h", _world.NowMs));
    }
}
