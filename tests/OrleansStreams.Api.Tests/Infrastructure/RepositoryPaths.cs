namespace OrleansStreams.Api.Tests.Infrastructure;

/// <summary>Folders of the checked-out repository, found from the test binaries upward.</summary>
public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string BrowserTests => Path.Combine(Root, "tests", "OrleansStreams.Api.Tests", "Browser");

    public static string Artifacts => Path.Combine(Root, "artifacts");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "OrleansStreams.sln"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No OrleansStreams.sln above {AppContext.BaseDirectory}.");
    }
}
