namespace OrleansStreams.Client.Tests.Compatibility;

/// <summary>What a scenario saw, one line per step, so runs against two servers compare line by line.</summary>
public sealed class Observations
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines => _lines;

    public void Add(string step, object? value) => _lines.Add($"{step}: {Describe(value)}");

    /// <summary>Records the reply, or the server's error words when the command fails.</summary>
    public async Task AddAsync<T>(string step, Func<Task<T>> call)
    {
        try
        {
            Add(step, await call());
        }
        catch (StreamsServerException error)
        {
            Add(step, "error " + error.Message);
        }
    }

    public static string Describe(object? value) => value switch
    {
        null => "null",
        string text => text,
        StreamReadResult result => $"{result.Key}={Describe(result.Entries)}",
        StreamEntry entry => entry.IsDeleted ? $"{entry.Id}(deleted)" : $"{entry.Id}{{{string.Join(",", entry.Fields)}}}",
        System.Collections.IEnumerable items => "[" + string.Join("; ", items.Cast<object?>().Select(Describe)) + "]",
        _ => value.ToString() ?? "",
    };
}
