namespace OrleansStreams.GrainHost.Tests;

public sealed class StateCounterGrain(Probe probe) : Grain, IStateCounterGrain
{
    public const string StateName = "counter";

    private IPersistentState<CounterState> _state = null!;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnActivated();
        _state = Context.GetPersistentState<CounterState>(StateName);
        await _state.ReadStateAsync(cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.OnDeactivated(GrainId, reason);
        return Task.CompletedTask;
    }

    public async ValueTask<long> AddAsync(long delta)
    {
        _state.State.Value += delta;
        await _state.WriteStateAsync();
        return _state.State.Value;
    }

    public ValueTask<long> GetAsync() => new(_state.State.Value);
}
