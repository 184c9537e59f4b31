namespace OrleansStreams.AppHost.Hosting;

/// <summary>A command line the AppHost cannot run with; a null message asks for the usage text only.</summary>
public sealed class AppHostUsageException(string? message) : Exception(message ?? "")
{
    public bool IsHelp => string.IsNullOrEmpty(Message);
}
