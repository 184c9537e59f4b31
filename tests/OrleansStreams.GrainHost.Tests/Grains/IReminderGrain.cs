namespace OrleansStreams.GrainHost.Tests;

public interface IReminderGrain : IGrainWithStringKey
{
    ValueTask RegisterAsync(string name, TimeSpan period);

    ValueTask UnregisterAsync(string name);
}
