namespace OrleansStreams.GrainHost.Tests;

public interface ITimerGrain : IGrainWithStringKey
{
    ValueTask StartTimerAsync(GrainTimerCreationOptions options);

    /// <summary>Makes tick number <paramref name="tick"/> wait for the test to signal "release-tick:{tick}".</summary>
    ValueTask GateTickAsync(int tick);

    /// <summary>Makes tick number <paramref name="tick"/> throw.</summary>
    ValueTask FailTickAsync(int tick);

    ValueTask<int> GetTicksAsync();

    /// <summary>True if a tick ever overlapped another tick or a request.</summary>
    ValueTask<bool> SawOverlapAsync();

    ValueTask<string> HoldAsync(string gate);

    ValueTask ChangeTimerAsync(TimeSpan dueTime, TimeSpan period);

    ValueTask DisposeTimerAsync();

    ValueTask DeactivateOnIdleAsync();
}
