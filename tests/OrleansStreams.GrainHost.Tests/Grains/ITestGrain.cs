namespace OrleansStreams.GrainHost.Tests;

public interface ITestGrain : IGrainWithStringKey
{
    /// <summary>Which construction of the grain class this activation is (1-based, per host).</summary>
    ValueTask<int> GetConstructionNumberAsync();

    ValueTask<bool> WasActivatedAsync();

    ValueTask<int> EchoAsync(int value);

    /// <summary>Increments a counter with awaits in between and reports whether it ever saw another request inside.</summary>
    ValueTask<bool> IncrementWithAwaitsAsync();

    ValueTask<int> GetCountAsync();

    /// <summary>Signals "entered:{gate}" and keeps the turn until the test signals "release:{gate}".</summary>
    ValueTask<string> HoldAsync(string gate);

    ValueTask RecordAsync(int value);

    ValueTask<int[]> GetRecordedAsync();

    ValueTask ThrowAsync(Exception exception);

    ValueTask DeactivateOnIdleAsync();

    ValueTask DelayDeactivationAsync(TimeSpan timeSpan);

    /// <summary>Calls another test grain from inside this grain's turn.</summary>
    ValueTask<int> CallOtherAsync(string key, int value);
}
