namespace OrleansStreams.Storage.Tests;

internal static class RepositoryFiles
{
    /// <summary>Finds a file of the repository by walking up from the test binaries.</summary>
    public static string Find(string relativePath)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relativePath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"'{relativePath}' was not found above {AppContext.BaseDirectory}.");
    }
}
