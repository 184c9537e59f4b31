using System.Buffers.Binary;

namespace OrleansStreams.GrainHost.Tests;

/// <summary>A counter kept as a journal of deltas plus an occasional snapshot of the total.</summary>
public sealed class JournaledCounterGrain(Probe probe) : Grain, IJournaledCounterGrain
{
    public const string StateName = "counter";

    private IGrainJournal _journal = null!;
    private long _value;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        probe.OnActivated();
        _journal = Context.GetJournal(StateName);
        await _journal.RecoverAsync(
            snapshot => _value = BinaryPrimitives.ReadInt64LittleEndian(snapshot.Span),
            record => _value += BinaryPrimitives.ReadInt64LittleEndian(record.Span),
            cancellationToken);
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        probe.OnDeactivated(GrainId, reason);
        return Task.CompletedTask;
    }

    public async ValueTask<long> AddAsync(long delta)
    {
        Span<byte> record = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(record, delta);
        _journal.Append(record);
        await _journal.CommitAsync();
        _value += delta;
        return _value;
    }

    public ValueTask<long> GetAsync() => new(_value);

    public async ValueTask SnapshotAsync()
    {
        var snapshot = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(snapshot, _value);
        await _journal.SnapshotAsync(snapshot);
    }
}
