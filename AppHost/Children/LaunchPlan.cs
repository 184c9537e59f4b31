using OrleansStreams.AppHost.Hosting;

namespace OrleansStreams.AppHost.Children;

/// <summary>The addresses every child is wired with, fixed before any starts (children find each other through them).</summary>
public sealed record LaunchPlan(AppHostOptions Options, int RespPort, int SiloHttpPort, int ApiPort, string DataDir)
{
    public static LaunchPlan Create(AppHostOptions options, RepositoryLayout layout)
        => new(
            options,
            FreePort.Resolve(options.RespPort),
            FreePort.Resolve(options.SiloHttpPort),
            FreePort.Resolve(options.ApiPort),
            options.DataDir ?? Path.Combine(layout.Root, "data"));
}
