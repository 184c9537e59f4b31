namespace OrleansStreams.GrainHost.Tests;

public sealed class PersistentStateTests
{
    private static readonly GrainId Id = new("state-counter", "c");

    [Fact]
    public async Task WriteThenRead_RoundTripsStateAndETag()
    {
        var storage = new MemoryGrainStorage();
        var writer = new PersistentState<CounterState>(storage, Id, "s");
        await writer.ReadStateAsync();
        Assert.False(writer.RecordExists);
        Assert.Null(writer.Etag);

        writer.State.Value = 42;
        await writer.WriteStateAsync();
        var reader = new PersistentState<CounterState>(storage, Id, "s");
        await reader.ReadStateAsync();

        Assert.True(reader.RecordExists);
        Assert.Equal(42, reader.State.Value);
        Assert.Equal(writer.Etag, reader.Etag);
    }

    [Fact]
    public async Task StoredState_IsACopyNotTheWritersObject()
    {
        var storage = new MemoryGrainStorage();
        var writer = new PersistentState<CounterState>(storage, Id, "s");
        writer.State.Value = 1;
        await writer.WriteStateAsync();

        writer.State.Value = 99;
        var reader = new PersistentState<CounterState>(storage, Id, "s");
        await reader.ReadStateAsync();

        Assert.Equal(1, reader.State.Value);
    }

    [Fact]
    public async Task StaleWriter_IsRejected()
    {
        var storage = new MemoryGrainStorage();
        var first = new PersistentState<CounterState>(storage, Id, "s");
        var second = new PersistentState<CounterState>(storage, Id, "s");
        await first.ReadStateAsync();
        await second.ReadStateAsync();

        await first.WriteStateAsync();
        // The first write of a record requires that none exists.
        await Assert.ThrowsAsync<InconsistentStateException>(() => second.WriteStateAsync());

        await second.ReadStateAsync();
        await second.WriteStateAsync();
        var conflict = await Assert.ThrowsAsync<InconsistentStateException>(() => first.WriteStateAsync());
        Assert.Equal(second.Etag, conflict.StoredEtag);
        Assert.NotEqual(conflict.StoredEtag, conflict.CurrentEtag);
        await Assert.ThrowsAsync<InconsistentStateException>(() => first.ClearStateAsync());
    }

    [Fact]
    public async Task Clear_RemovesTheRecordAndANewWriteStartsOver()
    {
        var storage = new MemoryGrainStorage();
        var state = new PersistentState<CounterState>(storage, Id, "s");
        state.State.Value = 5;
        await state.WriteStateAsync();
        var stale = new PersistentState<CounterState>(storage, Id, "s");
        await stale.ReadStateAsync();

        await state.ClearStateAsync();
        Assert.False(state.RecordExists);
        Assert.Equal(0, state.State.Value);
        await Assert.ThrowsAsync<InconsistentStateException>(() => stale.WriteStateAsync());

        await state.WriteStateAsync();
        await stale.ReadStateAsync();
        Assert.True(stale.RecordExists);
    }

    [Fact]
    public async Task StatesWithDifferentNamesOrIds_AreIndependent()
    {
        var storage = new MemoryGrainStorage();
        var a = new PersistentState<CounterState>(storage, Id, "a");
        var b = new PersistentState<CounterState>(storage, Id, "b");
        var other = new PersistentState<CounterState>(storage, new GrainId("state-counter", "d"), "a");

        await a.WriteStateAsync();
        await b.WriteStateAsync();
        await other.WriteStateAsync();

        Assert.True(a.RecordExists && b.RecordExists && other.RecordExists);
    }

    [Fact]
    public async Task GrainWritingStaleState_FailsAndReloadsOnTheNextCall()
    {
        await using var host = new TestHost();
        var counter = host.Grain<IStateCounterGrain>("c");
        Assert.Equal(1, await counter.InvokeAsync(g => g.AddAsync(1)));
        var intruder = new PersistentState<CounterState>(host.Runtime.GrainStorageForTests(), new GrainId("state-counter", "c"), StateCounterGrain.StateName);
        await intruder.ReadStateAsync();
        intruder.State.Value = 100;
        await intruder.WriteStateAsync();

        await Assert.ThrowsAsync<InconsistentStateException>(() => counter.InvokeAsync(g => g.AddAsync(1)).AsTask());
        await host.Probe.WhenSignalled("deactivated:c");

        Assert.Equal(DeactivationReason.InconsistentState, Assert.Single(host.Probe.Deactivations).Reason);
        Assert.Equal(101, await counter.InvokeAsync(g => g.AddAsync(1)));
    }
}
