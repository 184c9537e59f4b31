namespace OrleansStreams.Benchmarks;

/// <summary>The repository folder (the one holding OrleansStreams.sln), found from the working directory or the build output.</summary>
public static class RepoRoot
{
    public static string Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "OrleansStreams.sln"))) return dir.FullName;
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
