using System.Reflection;

namespace OrleansStreams.AppHost.Hosting;

/// <summary>Where the repository and the children's build output are, for an AppHost run from its own build output.</summary>
public sealed class RepositoryLayout
{
    private RepositoryLayout(string root, string configuration)
    {
        Root = root;
        Configuration = configuration;
    }

    public string Root { get; }

    /// <summary>Debug or Release: the configuration the AppHost (and with it, its children) was built in.</summary>
    public string Configuration { get; }

    public static RepositoryLayout Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OrleansStreams.sln"))) directory = directory.Parent;
        if (directory is null) throw new InvalidOperationException($"Cannot find the repository root (OrleansStreams.sln) above {AppContext.BaseDirectory}.");
        var configuration = typeof(RepositoryLayout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "OrleansStreams.Configuration")?.Value ?? "Debug";
        return new RepositoryLayout(directory.FullName, configuration);
    }

    public string ProjectFile(string projectDirectory) => Path.Combine(Root, projectDirectory, Path.GetFileName(projectDirectory) + ".csproj");

    public string Assembly(string projectDirectory)
        => Path.Combine(Root, projectDirectory, "bin", Configuration, "net10.0", Path.GetFileName(projectDirectory) + ".dll");
}
