using OrleansStreams.AppHost.Children;

namespace OrleansStreams.AppHost.Dashboard;

/// <summary>One row of the resource page: what Aspire's dashboard shows on its Resources page, from our process table.</summary>
public sealed record ResourceView(string Name, string State, int? ProcessId, int? ExitCode, IReadOnlyList<ResourceUrl> Urls, IReadOnlyList<string> RecentLines)
{
    public static ResourceView From(ChildProcess child)
        => new(child.Name, child.State.ToString(), child.ProcessId, child.ExitCode, [.. child.Launch.Urls.Select(u => new ResourceUrl(u.Label, u.Url))], child.RecentLines);

    public static ResourceView Skipped(string name, string reason) => new(name, ChildState.Skipped.ToString(), null, null, [], [reason]);
}
