namespace OrleansStreams.Silo.Tests.Durability;

/// <summary>A fresh data directory for one test, deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "orleansstreams-durability-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A silo killed a moment ago may still hold the file; the OS temp cleaner gets it later.
        }
    }
}
