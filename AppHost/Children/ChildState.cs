namespace OrleansStreams.AppHost.Children;

public enum ChildState
{
    NotStarted,
    Building,
    Starting,
    Healthy,
    Unhealthy,
    Stopping,
    Exited,
    Skipped,
}
