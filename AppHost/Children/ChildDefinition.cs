namespace OrleansStreams.AppHost.Children;

/// <summary>
/// One process the AppHost runs: its project (relative to the repository root), what it waits for, and how it is
/// launched once ports are known. Adding a process is one entry in <see cref="ChildCatalog"/>.
/// </summary>
public sealed record ChildDefinition(string Name, string ProjectDirectory, IReadOnlyList<string> WaitFor, Func<LaunchPlan, ChildLaunch> Launch);
